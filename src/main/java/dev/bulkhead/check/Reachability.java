package dev.bulkhead.check;

import dev.bulkhead.netpol.Endpoint;
import dev.bulkhead.netpol.Flow;
import dev.bulkhead.netpol.NetworkPolicyEvaluator;
import dev.bulkhead.netpol.Verdict;

/**
 * Answers {@code reach}: a flow is allowed when the NetworkPolicies allow it and, between two pods of the ambient
 * mesh, Istio's L4 authorization does too.
 */
public final class Reachability {

    private final NetworkPolicyEvaluator evaluator;
    private final MeshAuthorization mesh;

    public Reachability(RenderView view) {
        this.evaluator = view.evaluator();
        this.mesh = new MeshAuthorization(view);
    }

    /** The answer and why, e.g. {@code DENIED: ...; mesh: ...}. */
    public record Answer(boolean allowed, String explanation) {
        public String line() {
            return (allowed ? "ALLOWED" : "DENIED") + " " + explanation;
        }
    }

    public Answer answer(Flow flow) {
        Verdict verdict = evaluator.evaluate(flow);
        String network = "network: " + verdict.explain();
        if (flow.from() instanceof Endpoint.Pod from && flow.to() instanceof Endpoint.Pod to
                && mesh.meshed(from, to)) {
            MeshAuthorization.Decision decision = mesh.decide(from, to, flow.port());
            return new Answer(verdict.allowed() && decision.allowed(), network + "; " + decision.explanation());
        }
        return new Answer(verdict.allowed(), network);
    }
}
