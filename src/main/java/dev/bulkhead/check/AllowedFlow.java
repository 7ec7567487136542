package dev.bulkhead.check;

import dev.bulkhead.intent.DeclaredFlow;
import dev.bulkhead.netpol.Protocol;

import java.util.Optional;

/**
 * One allowed flow of the matrix, the path that decided it, and the declared flow that justifies it; a flow that
 * nothing in config declared is a violation.
 */
public record AllowedFlow(Probe from, Probe to, int port, Protocol protocol, Leg leg, Optional<DeclaredFlow> declaredBy) {

    public boolean declared() {
        return declaredBy.isPresent();
    }

    /** Why the flow is allowed, from the config; null when nothing declared it. */
    public String reason() {
        return declaredBy.map(DeclaredFlow::why).orElse(null);
    }

    public String portText() {
        return port + "/" + protocol;
    }

    /** The decisions of the path in one line: which policies let it through, layer by layer. */
    public String explain() {
        StringBuilder out = new StringBuilder();
        for (Decision d : leg.decisions()) {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(d.layer()).append(' ').append(d.outcome()).append(d.decidedBy().map(by -> " by " + by)
                    .orElse(": " + d.reason()));
        }
        return out.toString();
    }
}
