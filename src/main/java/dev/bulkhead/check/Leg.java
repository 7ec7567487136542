package dev.bulkhead.check;

import dev.bulkhead.netpol.Protocol;

import java.util.List;
import java.util.Optional;

/**
 * One concrete path of an answer, from one pod (or address) to one destination, with the decision of every layer
 * it crosses in order: the NetworkPolicies of each hop, then the proxies and ztunnels of the mesh.
 *
 * @param to      the destination pod or address (for a Service, one of its pods; for a host, the outside)
 * @param service the Service the flow is addressed to, {@code namespace/name}, if any
 * @param host    the external host the flow is addressed to, if any
 * @param notes   facts worth knowing that decided nothing (the node-local rule, a proxy's agent port)
 */
public record Leg(Party from, Party to, Optional<String> service, Optional<String> host, int port,
                  Protocol protocol, List<Decision> decisions, List<String> notes) {

    public Leg {
        decisions = List.copyOf(decisions);
        notes = List.copyOf(notes);
    }

    public Decision.Outcome outcome() {
        if (decisions.stream().anyMatch(d -> d.outcome() == Decision.Outcome.DENIED)) {
            return Decision.Outcome.DENIED;
        }
        return decisions.stream().anyMatch(d -> d.outcome() == Decision.Outcome.CONDITIONAL)
                ? Decision.Outcome.CONDITIONAL : Decision.Outcome.ALLOWED;
    }

    public boolean allowed() {
        return outcome().passes();
    }

    /** The first layer that denied the flow. */
    public Optional<Decision> deciding() {
        return decisions.stream().filter(d -> !d.passes()).findFirst();
    }

    /** How the destination is written: the host, the Service, or the pod or address. */
    public String target() {
        return host.or(() -> service).orElse(to.name());
    }

    public String portText() {
        return port + "/" + protocol;
    }
}
