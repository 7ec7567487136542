package dev.bulkhead.netpol;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer for one flow, with its reasons: a flow is allowed when egress from its source and ingress at its
 * destination both allow it. Each {@link Side} names the policies that isolate that end and those that let the
 * flow through, so a denial can be traced to a policy and an allowance to a rule.
 */
public record Verdict(Flow flow, Side egress, Side ingress, boolean nodeLocal) {

    public Verdict(Flow flow, Side egress, Side ingress) {
        this(flow, egress, ingress, false);
    }

    /** A flow from the destination pod's own node, which the EKS agent always admits. */
    static Verdict fromNode(Flow flow) {
        return new Verdict(flow, Side.NOT_APPLICABLE, Side.NOT_APPLICABLE, true);
    }

    public boolean allowed() {
        return nodeLocal || (egress.allows() && ingress.allows());
    }

    /**
     * One line for people, for example {@code DENIED: egress from shop-web/{app=web} isolated by
     * [shop-web/default-deny]; no rule allows TCP 5432 to billing/{}}.
     */
    public String explain() {
        String what = flow.protocol() + " " + flow.port();
        String from = flow.from().describe();
        String to = flow.to().describe();
        List<String> parts = new ArrayList<>();
        if (nodeLocal) {
            return "ALLOWED: " + what + " from " + from + " to " + to + ": " + Endpoint.Node.REASON;
        }
        if (allowed()) {
            parts.add("ALLOWED: " + what + " from " + from + " to " + to);
            if (egress.applies()) {
                parts.add(egress.isolated() ? "egress allowed by " + egress.allowedBy()
                        : "egress from " + from + " not isolated");
            }
            if (ingress.applies()) {
                parts.add(ingress.isolated() ? "ingress allowed by " + ingress.allowedBy()
                        : "ingress to " + to + " not isolated");
            }
            return String.join("; ", parts);
        }
        if (!egress.allows()) {
            parts.add("egress from " + from + " isolated by " + egress.selectedBy()
                    + "; no rule allows " + what + " to " + to);
        }
        if (!ingress.allows()) {
            parts.add("ingress to " + to + " isolated by " + ingress.selectedBy()
                    + "; no rule allows " + what + " from " + from);
        }
        return "DENIED: " + String.join("; ", parts);
    }

    /**
     * One direction at one end of the flow.
     *
     * @param applies    whether the direction concerns this flow: egress only from a pod, ingress only to a pod
     * @param selectedBy the policies ({@code namespace/name}) that select the pod and whose policyTypes include this
     *                   direction; any one makes the pod isolated in this direction
     * @param allowedBy  those of {@code selectedBy} with a rule that matches the flow
     */
    public record Side(boolean applies, List<String> selectedBy, List<String> allowedBy) {

        /** The side of a direction that does not concern the flow, such as egress from an external address. */
        public static final Side NOT_APPLICABLE = new Side(false, List.of(), List.of());

        public Side {
            selectedBy = List.copyOf(selectedBy);
            allowedBy = List.copyOf(allowedBy);
            if (!selectedBy.containsAll(allowedBy) || (!applies && !selectedBy.isEmpty())) {
                throw new IllegalArgumentException("inconsistent side: " + applies + " " + selectedBy + " " + allowedBy);
            }
        }

        public boolean isolated() {
            return !selectedBy.isEmpty();
        }

        /** Whether this direction lets the flow through: it does not apply, is not isolated, or a rule allows it. */
        public boolean allows() {
            return !isolated() || !allowedBy.isEmpty();
        }
    }
}
