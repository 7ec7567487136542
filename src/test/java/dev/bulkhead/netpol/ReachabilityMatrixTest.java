package dev.bulkhead.netpol;

import dev.bulkhead.netpol.Endpoint.External;
import dev.bulkhead.netpol.Endpoint.Pod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.netpol.Fixtures.defaultDeny;
import static dev.bulkhead.netpol.Fixtures.evaluator;
import static dev.bulkhead.netpol.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The all-pairs view agrees with single evaluations, reads well, and is cheap. */
class ReachabilityMatrixTest {

    private static final Map<String, Map<String, String>> NAMESPACES = Map.of(
            "shop", Map.of("bulkhead.dev/project", "shop"),
            "shop-db", Map.of("bulkhead.dev/project", "shop"),
            "billing", Map.of("bulkhead.dev/project", "billing"));

    /** Two projects, each default-deny with traffic allowed inside the project. */
    private static NetworkPolicyEvaluator projects() {
        List<com.google.gson.JsonObject> policies = new ArrayList<>();
        NAMESPACES.forEach((namespace, labels) -> {
            policies.add(defaultDeny(namespace));
            policies.add(policy(namespace, "same-project", """
                    {"podSelector": {}, "policyTypes": ["Ingress", "Egress"],
                     "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"bulkhead.dev/project": "%1$s"}}}]}],
                     "egress": [{"to": [{"namespaceSelector": {"matchLabels": {"bulkhead.dev/project": "%1$s"}}}]}]}
                    """.formatted(labels.get("bulkhead.dev/project"))));
        });
        return new NetworkPolicyEvaluator(policies, NAMESPACES);
    }

    private final Pod web = Pod.of("shop", Map.of("app", "web"));
    private final Pod db = Pod.of("shop-db", Map.of("app", "db"));
    private final Pod api = Pod.of("billing", Map.of("app", "api"));
    private final External internet = new External("203.0.113.1");

    @Test
    void everyCellAgreesWithEvaluate() {
        NetworkPolicyEvaluator evaluator = projects();
        List<Endpoint> endpoints = List.of(web, db, api, internet, Pod.of("unpoliced"));
        ReachabilityMatrix matrix = evaluator.matrix(endpoints, 8080, Protocol.TCP);
        for (int from = 0; from < endpoints.size(); from++) {
            for (int to = 0; to < endpoints.size(); to++) {
                Verdict verdict = evaluator.evaluate(Flow.tcp(endpoints.get(from), endpoints.get(to), 8080));
                assertEquals(verdict.allowed(), matrix.allows(from, to), verdict::explain);
                assertEquals(verdict.allowed(), matrix.allows(endpoints.get(from), endpoints.get(to)));
            }
        }
    }

    @Test
    void theTableShowsOneRowPerSource() {
        ReachabilityMatrix matrix = projects().matrix(List.of(web, db, api, internet), 8080, Protocol.TCP);
        assertEquals("""
                TCP 8080 (row: from, column: to, X: allowed)
                    0 1 2 3
                0   X X . .  shop/{app=web}
                1   X X . .  shop-db/{app=db}
                2   . . X .  billing/{app=api}
                3   . . . X  203.0.113.1
                """, matrix.table());
    }

    @Test
    void endpointsOutsideTheMatrixAreRejected() {
        ReachabilityMatrix matrix = projects().matrix(List.of(web), 80, Protocol.TCP);
        assertThrows(IllegalArgumentException.class, () -> matrix.allows(web, db));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.allows(0, 1));
    }

    @Test
    void thousandsOfQueriesAreCheap() {
        NetworkPolicyEvaluator evaluator = projects();
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            endpoints.add(Pod.of(List.of("shop", "shop-db", "billing", "other").get(i % 4), Map.of("app", "a" + i)));
        }
        // 10,000 pairs, twice: a budget far above what it takes, to catch accidental re-parsing or quadratic scans
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            evaluator.matrix(endpoints, 443, Protocol.TCP);
            for (Endpoint from : endpoints) {
                for (Endpoint to : endpoints) {
                    evaluator.allows(from, to, 443, Protocol.TCP);
                }
            }
        });
    }
}
