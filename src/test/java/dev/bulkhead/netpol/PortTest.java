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

/** Which ports and protocols a rule's {@code ports} entries match. */
class PortTest {

    private final Pod client = Pod.of("shop", Map.of("app", "client"));
    private final Pod server = Pod.of("shop", Map.of("app", "server"));

    /** An evaluator where {@code server} accepts ingress only through the given ports list. */
    private static NetworkPolicyEvaluator serverAccepts(String ports) {
        return evaluator(policy("shop", "server-ports", """
                {"podSelector": {"matchLabels": {"app": "server"}}, "ingress": [{"ports": %s}]}
                """.formatted(ports)));
    }

    @Test
    void protocolsAreMatchedExactlyAndDefaultToTcp() {
        NetworkPolicyEvaluator udp = serverAccepts("[{\"protocol\": \"UDP\", \"port\": 53}]");
        assertTrue(udp.allows(Flow.udp(client, server, 53)));
        assertFalse(udp.allows(Flow.tcp(client, server, 53)));

        NetworkPolicyEvaluator tcp = serverAccepts("[{\"port\": 53}]");
        assertTrue(tcp.allows(Flow.tcp(client, server, 53)));
        assertFalse(tcp.allows(Flow.udp(client, server, 53)));
        assertFalse(tcp.allows(new Flow(client, server, 53, Protocol.SCTP)));
    }

    @Test
    void anEntryWithoutPortMatchesEveryPortOfItsProtocol() {
        NetworkPolicyEvaluator evaluator = serverAccepts("[{\"protocol\": \"UDP\"}]");
        assertTrue(evaluator.allows(Flow.udp(client, server, 1)));
        assertTrue(evaluator.allows(Flow.udp(client, server, 65535)));
        assertFalse(evaluator.allows(Flow.tcp(client, server, 80)));
    }

    @Test
    void absentOrEmptyPortsMatchEveryPortAndProtocol() {
        for (NetworkPolicyEvaluator evaluator : new NetworkPolicyEvaluator[] {serverAccepts("[]"),
                evaluator(policy("shop", "any", "{\"podSelector\": {}, \"ingress\": [{\"from\": [{\"podSelector\": {}}]}]}"))}) {
            assertTrue(evaluator.allows(Flow.tcp(client, server, 1)));
            assertTrue(evaluator.allows(Flow.udp(client, server, 65535)));
            assertTrue(evaluator.allows(new Flow(client, server, 9, Protocol.SCTP)));
        }
    }

    @Test
    void endPortMakesAnInclusiveRange() {
        NetworkPolicyEvaluator evaluator = serverAccepts("[{\"port\": 32000, \"endPort\": 32768}]");
        assertFalse(evaluator.allows(Flow.tcp(client, server, 31999)));
        assertTrue(evaluator.allows(Flow.tcp(client, server, 32000)));
        assertTrue(evaluator.allows(Flow.tcp(client, server, 32400)));
        assertTrue(evaluator.allows(Flow.tcp(client, server, 32768)));
        assertFalse(evaluator.allows(Flow.tcp(client, server, 32769)));
        assertFalse(evaluator.allows(Flow.udp(client, server, 32400)));
    }

    @Test
    void aRuleMatchesWhenAnyOfItsPortsDoes() {
        NetworkPolicyEvaluator evaluator = serverAccepts("[{\"port\": 80}, {\"port\": 443}]");
        assertTrue(evaluator.allows(Flow.tcp(client, server, 80)));
        assertTrue(evaluator.allows(Flow.tcp(client, server, 443)));
        assertFalse(evaluator.allows(Flow.tcp(client, server, 8080)));
    }

    @Test
    void namedIngressPortsResolveOnTheDestinationPod() {
        NetworkPolicyEvaluator evaluator = serverAccepts("[{\"port\": \"http\"}]");
        Pod named = server.withNamedPort("http", 8080);
        assertTrue(evaluator.allows(Flow.tcp(client, named, 8080)));
        assertFalse(evaluator.allows(Flow.tcp(client, named, 80)), "the name means 8080 on this pod");
        assertFalse(evaluator.allows(Flow.tcp(client, server, 8080)), "this pod has no port named http");
        assertFalse(evaluator.allows(Flow.udp(client, named, 8080)), "the entry is TCP");
    }

    @Test
    void namedEgressPortsAlsoResolveOnTheDestinationPod() {
        NetworkPolicyEvaluator evaluator = evaluator(policy("shop", "client-egress", """
                {"podSelector": {"matchLabels": {"app": "client"}}, "policyTypes": ["Egress"],
                 "egress": [{"ports": [{"port": "metrics"}]}]}
                """));
        assertTrue(evaluator.allows(Flow.tcp(client, server.withNamedPort("metrics", 9090), 9090)));
        assertFalse(evaluator.allows(Flow.tcp(client.withNamedPort("metrics", 9090), server, 9090)),
                "the source's own named ports do not count");
        assertFalse(evaluator.allows(Flow.tcp(client, new External("192.0.2.1"), 9090)),
                "an external address has no named ports");
    }

    @Test
    void egressRuleWithoutPeersOpensAPortEverywhere() {
        NetworkPolicyEvaluator evaluator = evaluator(defaultDeny("shop"), policy("shop", "dns-anywhere", """
                {"podSelector": {}, "policyTypes": ["Egress"],
                 "egress": [{"to": [], "ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}]}]}
                """));
        assertTrue(evaluator.allows(Flow.udp(client, Pod.of("kube-system", Map.of("k8s-app", "kube-dns")), 53)));
        assertTrue(evaluator.allows(Flow.tcp(client, new External("8.8.8.8"), 53)));
        assertFalse(evaluator.allows(Flow.tcp(client, new External("8.8.8.8"), 443)));
        assertFalse(evaluator.allows(Flow.udp(client, server, 53)), "server's ingress is still denied");
    }
}
