package dev.bulkhead.netpol;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.netpol.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node-local rule of the EKS agent, and the candidate index never drops an allowed pair. */
class NodeAndCandidatesTest {

    private final NetworkPolicyEvaluator evaluator = new NetworkPolicyEvaluator(List.of(
            policy("a", "deny", "{\"podSelector\": {}, \"policyTypes\": [\"Ingress\", \"Egress\"]}"),
            policy("a", "same", "{\"podSelector\": {}, \"ingress\": [{\"from\": [{\"podSelector\": {}}]}],"
                    + " \"egress\": [{\"to\": [{\"podSelector\": {}}]}]}"),
            policy("a", "to-b", "{\"podSelector\": {\"matchLabels\": {\"app\": \"x\"}}, \"egress\": [{\"to\": "
                    + "[{\"namespaceSelector\": {\"matchLabels\": {\"team\": \"b\"}}}], \"ports\": [{\"port\": 80}]}]}"),
            policy("b", "from-a", "{\"podSelector\": {}, \"ingress\": [{\"from\": [{\"namespaceSelector\": "
                    + "{\"matchExpressions\": [{\"key\": \"team\", \"operator\": \"In\", \"values\": [\"a\"]}]}}]},"
                    + " {\"from\": [{\"ipBlock\": {\"cidr\": \"203.0.113.0/24\"}}]}]}")),
            Map.of("a", Map.of("team", "a"), "b", Map.of("team", "b"), "c", Map.of("team", "c")));

    @Test
    void theNodeAlwaysReachesAPodWhateverItsPolicies() {
        Verdict verdict = evaluator.evaluate(Flow.tcp(new Endpoint.Node(), Endpoint.Pod.of("a"), 8080));
        assertTrue(verdict.allowed());
        assertTrue(verdict.nodeLocal());
        assertTrue(verdict.explain().contains("always admits traffic from the pod's own node"), verdict.explain());
        assertTrue(evaluator.allows(new Endpoint.Node(), Endpoint.Pod.of("b"), 22, Protocol.TCP));
        // a pod's egress to its node is still the pod's policies' to allow
        assertFalse(evaluator.allows(Endpoint.Pod.of("a"), new Endpoint.Node(), 10250, Protocol.TCP));
    }

    @Test
    void everyAllowedPairIsACandidate() {
        List<Endpoint> endpoints = List.of(Endpoint.Pod.of("a"), Endpoint.Pod.of("a", Map.of("app", "x")),
                Endpoint.Pod.of("b"), Endpoint.Pod.of("c"), new Endpoint.External("203.0.113.9"),
                new Endpoint.External("198.51.100.1"), new Endpoint.Node());
        CandidateIndex index = evaluator.candidates(endpoints);
        int pairs = 0;
        for (int from = 0; from < endpoints.size(); from++) {
            List<Integer> candidates = new ArrayList<>();
            Arrays.stream(index.candidates(from)).forEach(candidates::add);
            for (int to = 0; to < endpoints.size(); to++) {
                for (int port : List.of(22, 80, 443)) {
                    if (evaluator.allows(endpoints.get(from), endpoints.get(to), port, Protocol.TCP)) {
                        assertTrue(candidates.contains(to), endpoints.get(from).describe() + " -> "
                                + endpoints.get(to).describe() + " on " + port + " is allowed but not a candidate");
                        pairs++;
                    }
                }
            }
        }
        assertTrue(pairs > 10, "the fixture allows something: " + pairs);
        // an isolated pod of a reaches only its own namespace, and b only through the app=x rule
        assertArrayEquals(new int[]{0, 1}, index.candidates(0));
        assertArrayEquals(new int[]{0, 1, 2}, index.candidates(1));
    }
}
