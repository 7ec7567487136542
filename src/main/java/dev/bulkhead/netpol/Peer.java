package dev.bulkhead.netpol;

import dev.bulkhead.netpol.Endpoint.External;
import dev.bulkhead.netpol.Endpoint.Pod;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One entry of a rule's {@code from} or {@code to} list: pods chosen by selectors, or an IPv4 block. */
sealed interface Peer permits Peer.Pods, Peer.IpBlock {

    /**
     * @param namespaceLabels the labels of any namespace, including its implicit {@code kubernetes.io/metadata.name}
     */
    boolean matches(Endpoint endpoint, Function<String, Map<String, String>> namespaceLabels);

    /**
     * Pods by selector. Without a namespace selector only the policy's own namespace is searched; without a pod
     * selector every pod of the chosen namespaces matches; with both, a pod must satisfy both.
     */
    record Pods(String policyNamespace, Optional<LabelSelector> namespaceSelector, Optional<LabelSelector> podSelector)
            implements Peer {

        @Override
        public boolean matches(Endpoint endpoint, Function<String, Map<String, String>> namespaceLabels) {
            if (!(endpoint instanceof Pod pod)) {
                return false;
            }
            boolean inNamespace = namespaceSelector
                    .map(selector -> selector.matches(namespaceLabels.apply(pod.namespace())))
                    .orElseGet(() -> pod.namespace().equals(policyNamespace));
            return inNamespace && podSelector.map(selector -> selector.matches(pod.labels())).orElse(true);
        }
    }

    /** Addresses in {@code cidr} but in none of {@code except}; matches external addresses and pods with a known IP. */
    record IpBlock(Ipv4Cidr cidr, List<Ipv4Cidr> except) implements Peer {

        public IpBlock {
            except = List.copyOf(except);
        }

        @Override
        public boolean matches(Endpoint endpoint, Function<String, Map<String, String>> namespaceLabels) {
            Optional<String> ip = endpoint instanceof Pod pod ? pod.ip()
                    : endpoint instanceof External external ? Optional.of(external.ip()) : Optional.empty();
            return ip.map(Ipv4Cidr::address).filter(this::contains).isPresent();
        }

        private boolean contains(int address) {
            return cidr.contains(address) && except.stream().noneMatch(excluded -> excluded.contains(address));
        }
    }
}
