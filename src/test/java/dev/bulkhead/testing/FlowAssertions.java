package dev.bulkhead.testing;

import dev.bulkhead.netpol.Endpoint;
import dev.bulkhead.netpol.Flow;
import dev.bulkhead.netpol.NetworkPolicyEvaluator;
import dev.bulkhead.netpol.Protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on single flows over an evaluator; a failure prints the evaluator's explanation. */
public final class FlowAssertions {

    private final NetworkPolicyEvaluator evaluator;

    public FlowAssertions(NetworkPolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public void assertAllowed(Endpoint from, Endpoint to, int port) {
        assertAllowed(from, to, port, Protocol.TCP);
    }

    public void assertAllowed(Endpoint from, Endpoint to, int port, Protocol protocol) {
        var verdict = evaluator.evaluate(new Flow(from, to, port, protocol));
        assertTrue(verdict.allowed(), verdict.explain());
    }

    public void assertDenied(Endpoint from, Endpoint to, int port) {
        assertDenied(from, to, port, Protocol.TCP);
    }

    public void assertDenied(Endpoint from, Endpoint to, int port, Protocol protocol) {
        var verdict = evaluator.evaluate(new Flow(from, to, port, protocol));
        assertFalse(verdict.allowed(), verdict.explain());
    }
}
