package dev.bulkhead.check;

import dev.bulkhead.netpol.Endpoint;

import java.util.Optional;

/**
 * One concrete end of a flow: a pod (with the ServiceAccount it runs as, its mesh identity), an outside address,
 * or the node.
 *
 * @param name           how answers show it: {@code shop-web}, {@code shop-api/orders}, {@code 198.51.100.10}
 * @param serviceAccount the pod's ServiceAccount; empty for an address or the node
 */
public record Party(String name, Endpoint endpoint, Optional<String> serviceAccount) {

    public static Party pod(String name, Endpoint.Pod pod, String serviceAccount) {
        return new Party(name, pod, Optional.of(serviceAccount));
    }

    public static Party address(String ip) {
        return new Party(ip, new Endpoint.External(ip), Optional.empty());
    }

    public static Party node() {
        return new Party("node", new Endpoint.Node(), Optional.empty());
    }

    public Optional<Endpoint.Pod> pod() {
        return endpoint instanceof Endpoint.Pod p ? Optional.of(p) : Optional.empty();
    }

    public Optional<String> namespace() {
        return pod().map(Endpoint.Pod::namespace);
    }
}
