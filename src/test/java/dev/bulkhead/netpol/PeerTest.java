package dev.bulkhead.netpol;

import dev.bulkhead.netpol.Endpoint.External;
import dev.bulkhead.netpol.Endpoint.Pod;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.bulkhead.netpol.Fixtures.defaultDeny;
import static dev.bulkhead.netpol.Fixtures.evaluator;
import static dev.bulkhead.netpol.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which endpoints a rule's {@code from} and {@code to} entries match. */
class PeerTest {

    private static final Map<String, Map<String, String>> NAMESPACES = Map.of(
            "alice", Map.of("user", "alice"),
            "bob", Map.of("user", "bob"));

    private final Pod server = Pod.of("shop", Map.of("app", "server"));
    private final Pod shopClient = Pod.of("shop", Map.of("role", "client"));
    private final Pod shopOther = Pod.of("shop", Map.of("app", "other"));
    private final Pod aliceClient = Pod.of("alice", Map.of("role", "client"));
    private final Pod aliceOther = Pod.of("alice", Map.of("app", "other"));
    private final Pod bobClient = Pod.of("bob", Map.of("role", "client"));
    private final External internet = new External("198.51.100.10");

    @Test
    void allowSameNamespaceAdmitsOwnPodsOnly() {
        NetworkPolicyEvaluator evaluator = evaluator(NAMESPACES, defaultDeny("shop"), policy("shop", "same-namespace", """
                {"podSelector": {}, "policyTypes": ["Ingress", "Egress"],
                 "ingress": [{"from": [{"podSelector": {}}]}],
                 "egress": [{"to": [{"podSelector": {}}]}]}
                """));
        assertTrue(evaluator.allows(Flow.tcp(shopClient, server, 8080)));
        assertTrue(evaluator.allows(Flow.udp(server, shopOther, 9999)));
        assertFalse(evaluator.allows(Flow.tcp(aliceClient, server, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(server, aliceClient, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(internet, server, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(server, internet, 443)));
    }

    @Test
    void namespaceSelectorMatchesEveryPodOfLabelledNamespaces() {
        NetworkPolicyEvaluator evaluator = evaluator(NAMESPACES, policy("shop", "from-alice", """
                {"podSelector": {}, "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"user": "alice"}}}]}]}
                """));
        assertTrue(evaluator.allows(Flow.tcp(aliceClient, server, 8080)));
        assertTrue(evaluator.allows(Flow.tcp(aliceOther, server, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(bobClient, server, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(shopClient, server, 8080)), "the policy's own namespace is not alice");
    }

    @Test
    void everyNamespaceHasItsNameLabelEvenWhenNotListed() {
        NetworkPolicyEvaluator evaluator = evaluator(NAMESPACES, policy("shop", "from-monitoring-and-alice", """
                {"podSelector": {}, "ingress": [{"from": [{"namespaceSelector": {"matchExpressions": [
                  {"key": "kubernetes.io/metadata.name", "operator": "In", "values": ["monitoring", "alice"]}]}}]}]}
                """));
        assertTrue(evaluator.allows(Flow.tcp(Pod.of("monitoring"), server, 9090)), "monitoring is not in the map");
        assertTrue(evaluator.allows(Flow.tcp(aliceOther, server, 9090)), "alice is in the map without the name label");
        assertFalse(evaluator.allows(Flow.tcp(bobClient, server, 9090)));
    }

    @Test
    void bothSelectorsInOnePeerMustBothMatch() {
        NetworkPolicyEvaluator evaluator = evaluator(NAMESPACES, policy("shop", "alice-clients", """
                {"podSelector": {}, "ingress": [{"from": [
                  {"namespaceSelector": {"matchLabels": {"user": "alice"}}, "podSelector": {"matchLabels": {"role": "client"}}}
                ]}]}
                """));
        assertTrue(evaluator.allows(Flow.tcp(aliceClient, server, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(aliceOther, server, 8080)), "in alice, but not a client");
        assertFalse(evaluator.allows(Flow.tcp(shopClient, server, 8080)), "a client, but not in alice");
        assertFalse(evaluator.allows(Flow.tcp(bobClient, server, 8080)));
    }

    @Test
    void theSameSelectorsAsTwoPeersMatchEither() {
        NetworkPolicyEvaluator evaluator = evaluator(NAMESPACES, policy("shop", "alice-or-clients", """
                {"podSelector": {}, "ingress": [{"from": [
                  {"namespaceSelector": {"matchLabels": {"user": "alice"}}},
                  {"podSelector": {"matchLabels": {"role": "client"}}}
                ]}]}
                """));
        assertTrue(evaluator.allows(Flow.tcp(aliceClient, server, 8080)));
        assertTrue(evaluator.allows(Flow.tcp(aliceOther, server, 8080)), "any pod in alice");
        assertTrue(evaluator.allows(Flow.tcp(shopClient, server, 8080)), "a client in the policy's namespace");
        assertFalse(evaluator.allows(Flow.tcp(bobClient, server, 8080)), "a podSelector alone stays in shop");
    }

    @Test
    void aRuleWithoutPeersMatchesEveryPodAndAddress() {
        NetworkPolicyEvaluator evaluator = evaluator(NAMESPACES, defaultDeny("shop"), policy("shop", "open", """
                {"podSelector": {}, "policyTypes": ["Ingress", "Egress"],
                 "ingress": [{"from": []}], "egress": [{}]}
                """));
        assertTrue(evaluator.allows(Flow.tcp(internet, server, 8080)));
        assertTrue(evaluator.allows(Flow.tcp(bobClient, server, 8080)));
        assertTrue(evaluator.allows(Flow.tcp(server, internet, 443)));
        assertTrue(evaluator.allows(Flow.udp(server, aliceClient, 53)));
    }

    @Test
    void podPeersNeverMatchExternalAddresses() {
        NetworkPolicyEvaluator evaluator = evaluator(NAMESPACES, policy("shop", "all-namespaces", """
                {"podSelector": {}, "policyTypes": ["Ingress", "Egress"],
                 "ingress": [{"from": [{"namespaceSelector": {}}]}],
                 "egress": [{"to": [{"namespaceSelector": {}, "podSelector": {}}]}]}
                """));
        assertTrue(evaluator.allows(Flow.tcp(bobClient, server, 8080)));
        assertTrue(evaluator.allows(Flow.tcp(server, bobClient, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(internet, server, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(server, internet, 443)));
    }

    @Test
    void egressRulesMatchTheDestinationAndIngressRulesTheSource() {
        NetworkPolicyEvaluator evaluator = evaluator(NAMESPACES, policy("shop", "clients-talk-to-servers", """
                {"podSelector": {"matchLabels": {"role": "client"}}, "policyTypes": ["Ingress", "Egress"],
                 "egress": [{"to": [{"podSelector": {"matchLabels": {"app": "server"}}}]}],
                 "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "server"}}}]}]}
                """));
        assertTrue(evaluator.allows(Flow.tcp(shopClient, server, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(shopClient, shopOther, 8080)));
        assertTrue(evaluator.allows(Flow.tcp(server, shopClient, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(shopOther, shopClient, 8080)));
    }
}
