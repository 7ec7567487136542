package dev.bulkhead.netpol;

import dev.bulkhead.netpol.Endpoint.Pod;

import java.util.Optional;

/**
 * One entry of a rule's {@code ports}: a protocol with a port range ({@code port}..{@code endPort}, or every port),
 * or with a port name that the destination pod resolves.
 */
record PortMatch(Protocol protocol, int first, int last, Optional<String> name) {

    static PortMatch range(Protocol protocol, int first, int last) {
        return new PortMatch(protocol, first, last, Optional.empty());
    }

    static PortMatch named(Protocol protocol, String name) {
        return new PortMatch(protocol, 0, 0, Optional.of(name));
    }

    /** @param destination the flow's destination, whose named ports resolve a port name (for ingress and egress) */
    boolean matches(int port, Protocol protocol, Endpoint destination) {
        if (protocol != this.protocol) {
            return false;
        }
        if (name.isPresent()) {
            return destination instanceof Pod pod && Integer.valueOf(port).equals(pod.namedPorts().get(name.get()));
        }
        return first <= port && port <= last;
    }
}
