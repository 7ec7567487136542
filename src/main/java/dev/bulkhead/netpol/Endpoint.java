package dev.bulkhead.netpol;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One end of a flow: a pod in the cluster, described by what NetworkPolicies can see of it, or an address outside
 * the cluster. Policies select pods, never external addresses; only {@code ipBlock} peers match the latter.
 */
public sealed interface Endpoint permits Endpoint.Pod, Endpoint.External, Endpoint.Node {

    /** A short human form for explanations: {@code shop-web/{app=web}} or {@code 203.0.113.7}. */
    String describe();

    /**
     * A pod as NetworkPolicies see it.
     *
     * @param namespace  the pod's namespace
     * @param labels     the pod's labels
     * @param ip         the pod's IPv4 address, if known; only then can {@code ipBlock} peers match it
     * @param namedPorts the pod's named container ports (name to number), for policies that name ports
     */
    record Pod(String namespace, Map<String, String> labels, Optional<String> ip, Map<String, Integer> namedPorts)
            implements Endpoint {

        public Pod {
            Objects.requireNonNull(namespace, "namespace");
            if (namespace.isBlank()) {
                throw new IllegalArgumentException("a pod needs a namespace");
            }
            labels = Map.copyOf(labels);
            ip.ifPresent(Ipv4Cidr::address);
            namedPorts = Map.copyOf(namedPorts);
            namedPorts.forEach((name, port) -> {
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("named port " + name + " out of range: " + port);
                }
            });
        }

        /** A pod without labels in {@code namespace}. */
        public static Pod of(String namespace) {
            return of(namespace, Map.of());
        }

        public static Pod of(String namespace, Map<String, String> labels) {
            return new Pod(namespace, labels, Optional.empty(), Map.of());
        }

        /** This pod with an IPv4 address. */
        public Pod withIp(String address) {
            return new Pod(namespace, labels, Optional.of(address), namedPorts);
        }

        /** This pod with one more named container port. */
        public Pod withNamedPort(String name, int port) {
            Map<String, Integer> ports = new HashMap<>(namedPorts);
            ports.put(name, port);
            return new Pod(namespace, labels, ip, ports);
        }

        @Override
        public String describe() {
            String shown = new TreeMap<>(labels).entrySet().stream()
                    .map(label -> label.getKey() + "=" + label.getValue())
                    .collect(Collectors.joining(",", namespace + "/{", "}"));
            return ip.map(address -> shown + "@" + address).orElse(shown);
        }
    }

    /** An IPv4 address outside the cluster, such as an internet host or a cloud API endpoint. */
    record External(String ip) implements Endpoint {

        public External {
            Ipv4Cidr.address(Objects.requireNonNull(ip, "ip"));
        }

        @Override
        public String describe() {
            return ip;
        }
    }

    /**
     * The node a pod runs on, as a source: the kubelet's probes and host-network pods. The EKS network policy agent
     * always admits traffic from a pod's own node, whatever the policies say, so a flow from here to a pod is
     * allowed as a fact of the platform, not by any rule.
     */
    record Node() implements Endpoint {

        /** Why the flow is allowed, as explanations say it. */
        public static final String REASON = "the EKS network policy agent always admits traffic from the pod's own "
                + "node (kubelet probes, host-network pods)";

        @Override
        public String describe() {
            return "node";
        }
    }
}
