package dev.bulkhead.netpol;

import dev.bulkhead.netpol.Endpoint.External;
import dev.bulkhead.netpol.Endpoint.Pod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.netpol.Fixtures.defaultDeny;
import static dev.bulkhead.netpol.Fixtures.evaluator;
import static dev.bulkhead.netpol.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a pod is isolated, in which direction, and how policies combine. */
class IsolationTest {

    private final Pod web = Pod.of("shop", Map.of("app", "web"));
    private final Pod db = Pod.of("shop", Map.of("app", "db"));
    private final Pod other = Pod.of("billing", Map.of("app", "api"));
    private final External internet = new External("203.0.113.7");

    @Test
    void withoutPoliciesEverythingIsAllowed() {
        NetworkPolicyEvaluator evaluator = evaluator();
        for (Flow flow : List.of(Flow.tcp(web, db, 5432), Flow.udp(web, other, 53), Flow.tcp(web, internet, 443),
                Flow.tcp(internet, web, 8080))) {
            Verdict verdict = evaluator.evaluate(flow);
            assertTrue(verdict.allowed(), verdict::explain);
            assertFalse(verdict.egress().isolated());
            assertFalse(verdict.ingress().isolated());
        }
    }

    @Test
    void defaultDenyIngressBlocksIncomingOnly() {
        NetworkPolicyEvaluator evaluator = evaluator(policy("shop", "deny-ingress", """
                {"podSelector": {}, "policyTypes": ["Ingress"]}
                """));
        assertFalse(evaluator.allows(Flow.tcp(web, db, 5432)));
        assertFalse(evaluator.allows(Flow.tcp(other, db, 5432)));
        assertFalse(evaluator.allows(Flow.tcp(internet, web, 8080)));
        assertTrue(evaluator.allows(Flow.tcp(web, other, 8080)), "egress is not isolated");
        assertTrue(evaluator.allows(Flow.tcp(web, internet, 443)));
    }

    @Test
    void defaultDenyBothBlocksEveryFlowInAndOut() {
        NetworkPolicyEvaluator evaluator = evaluator(defaultDeny("shop"));
        assertFalse(evaluator.allows(Flow.tcp(web, db, 5432)));
        assertFalse(evaluator.allows(Flow.tcp(web, other, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(other, web, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(web, internet, 443)));
        assertFalse(evaluator.allows(Flow.tcp(internet, web, 443)));
        assertTrue(evaluator.allows(Flow.tcp(other, internet, 443)), "billing has no policy");
    }

    @Test
    void egressOnlyPolicyTypesLeaveIngressOpen() {
        NetworkPolicyEvaluator evaluator = evaluator(policy("shop", "deny-egress", """
                {"podSelector": {}, "policyTypes": ["Egress"], "ingress": []}
                """));
        assertFalse(evaluator.allows(Flow.tcp(web, other, 8080)));
        assertTrue(evaluator.allows(Flow.tcp(other, web, 8080)));
        assertTrue(evaluator.allows(Flow.tcp(internet, web, 8080)));
    }

    @Test
    void rulesOfADirectionMissingFromPolicyTypesAreIgnored() {
        // The ingress rule would allow everything, but the policy only isolates (and only allows) egress.
        NetworkPolicyEvaluator evaluator = evaluator(
                policy("shop", "deny-ingress", """
                        {"podSelector": {}, "policyTypes": ["Ingress"]}
                        """),
                policy("shop", "egress-only", """
                        {"podSelector": {}, "policyTypes": ["Egress"], "ingress": [{}], "egress": [{}]}
                        """));
        assertFalse(evaluator.allows(Flow.tcp(other, web, 8080)));
        assertTrue(evaluator.allows(Flow.tcp(web, other, 8080)));
    }

    @Test
    void policyTypesDefaultToIngressWhenThereIsNoEgressField() {
        Verdict verdict = evaluator(policy("shop", "ingress-rules", """
                {"podSelector": {}, "ingress": [{"from": [{"podSelector": {}}]}]}
                """)).evaluate(Flow.tcp(web, other, 8080));
        assertTrue(verdict.allowed());
        assertFalse(verdict.egress().isolated());
        assertTrue(evaluator(policy("shop", "p", "{\"podSelector\": {}}")).evaluate(Flow.tcp(other, web, 80))
                .ingress().isolated(), "a bare podSelector still isolates ingress");
    }

    @Test
    void policyTypesDefaultIncludeEgressWhenThereAreEgressRules() {
        NetworkPolicyEvaluator evaluator = evaluator(policy("shop", "to-db", """
                {"podSelector": {}, "egress": [{"to": [{"podSelector": {"matchLabels": {"app": "db"}}}]}]}
                """));
        Verdict toDb = evaluator.evaluate(Flow.tcp(web, db, 5432));
        assertTrue(toDb.egress().isolated());
        assertTrue(toDb.egress().allows(), "the egress rule matches");
        assertFalse(toDb.ingress().allows(), "ingress is isolated too, and has no rule");
        assertFalse(evaluator.allows(Flow.tcp(web, other, 8080)), "egress elsewhere is denied");
    }

    @Test
    void anEmptyEgressListDoesNotAddEgressToTheDefaults() {
        // Kubernetes defaults policyTypes from the number of egress rules, so `egress: []` isolates nothing.
        Verdict verdict = evaluator(policy("shop", "empty-egress", """
                {"podSelector": {}, "egress": []}
                """)).evaluate(Flow.tcp(web, other, 8080));
        assertTrue(verdict.allowed());
        assertFalse(verdict.egress().isolated());
    }

    @Test
    void onlyThePodsMatchingPodSelectorAreIsolated() {
        NetworkPolicyEvaluator evaluator = evaluator(policy("shop", "deny-db", """
                {"podSelector": {"matchLabels": {"app": "db"}}, "policyTypes": ["Ingress"]}
                """));
        assertFalse(evaluator.allows(Flow.tcp(web, db, 5432)));
        assertTrue(evaluator.allows(Flow.tcp(db, web, 8080)));
    }

    @Test
    void aPolicyInAnotherNamespaceHasNoEffect() {
        NetworkPolicyEvaluator evaluator = evaluator(defaultDeny("billing"));
        assertTrue(evaluator.allows(Flow.tcp(web, db, 5432)));
        Verdict verdict = evaluator.evaluate(Flow.tcp(web, db, 5432));
        assertEquals(List.of(), verdict.egress().selectedBy());
        assertEquals(List.of(), verdict.ingress().selectedBy());
    }

    @Test
    void allowPoliciesAddToADefaultDenyAndToEachOther() {
        NetworkPolicyEvaluator evaluator = evaluator(defaultDeny("shop"),
                policy("shop", "web-to-db", """
                        {"podSelector": {"matchLabels": {"app": "web"}}, "policyTypes": ["Egress"],
                         "egress": [{"to": [{"podSelector": {"matchLabels": {"app": "db"}}}], "ports": [{"port": 5432}]}]}
                        """),
                policy("shop", "db-from-web", """
                        {"podSelector": {"matchLabels": {"app": "db"}},
                         "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "web"}}}], "ports": [{"port": 5432}]}]}
                        """),
                policy("shop", "db-from-web-metrics", """
                        {"podSelector": {"matchLabels": {"app": "db"}},
                         "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "web"}}}], "ports": [{"port": 9187}]}]}
                        """));
        assertTrue(evaluator.allows(Flow.tcp(web, db, 5432)));
        assertFalse(evaluator.allows(Flow.tcp(web, db, 9187)), "ingress allows 9187 but egress does not");
        assertFalse(evaluator.allows(Flow.tcp(db, web, 5432)), "rules are not symmetric");
    }
}
