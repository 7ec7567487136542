package dev.bulkhead.netpol;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One ingress or egress rule: it matches a flow when one of its peers matches the other end and one of its ports
 * matches the destination port. An empty peer or port list matches everything.
 */
record Rule(List<Peer> peers, List<PortMatch> ports) {

    Rule {
        peers = List.copyOf(peers);
        ports = List.copyOf(ports);
    }

    /**
     * @param peer        the other end: the destination for an egress rule, the source for an ingress rule
     * @param destination the flow's destination, which resolves named ports
     */
    boolean matches(Endpoint peer, Endpoint destination, int port, Protocol protocol,
                    Function<String, Map<String, String>> namespaceLabels) {
        return portsMatch(port, protocol, destination) && peersMatch(peer, namespaceLabels);
    }

    private boolean portsMatch(int port, Protocol protocol, Endpoint destination) {
        if (ports.isEmpty()) {
            return true;
        }
        for (PortMatch match : ports) {
            if (match.matches(port, protocol, destination)) {
                return true;
            }
        }
        return false;
    }

    private boolean peersMatch(Endpoint peer, Function<String, Map<String, String>> namespaceLabels) {
        if (peers.isEmpty()) {
            return true;
        }
        for (Peer candidate : peers) {
            if (candidate.matches(peer, namespaceLabels)) {
                return true;
            }
        }
        return false;
    }
}
