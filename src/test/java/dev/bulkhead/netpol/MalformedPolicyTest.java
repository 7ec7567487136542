package dev.bulkhead.netpol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.netpol.Fixtures.evaluator;
import static dev.bulkhead.netpol.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Policies that Kubernetes would reject, or that this evaluator does not model, fail loudly with their name. */
class MalformedPolicyTest {

    private static String rejection(JsonObject policy) {
        return assertThrows(IllegalArgumentException.class, () -> evaluator(policy)).getMessage();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"podSelector": {}, "ingres": []}                                                  | spec.ingres: unsupported field
            {"podSelector": {"matchLabel": {"a": "b"}}}                                        | spec.podSelector.matchLabel: unsupported field
            {"podSelector": {"matchLabels": {"a": 1}}}                                         | spec.podSelector.matchLabels.a: must be a string, got 1
            {"podSelector": {"matchExpressions": [{"key": "a", "operator": "Equals", "values": ["b"]}]}} | spec.podSelector.matchExpressions[0].operator: unknown operator 'Equals' (In, NotIn, Exists or DoesNotExist)
            {"podSelector": {"matchExpressions": [{"key": "a", "operator": "In"}]}}            | spec.podSelector.matchExpressions[0].values: must not be empty for operator In
            {"podSelector": {"matchExpressions": [{"key": "a", "operator": "Exists", "values": ["b"]}]}} | spec.podSelector.matchExpressions[0].values: must be empty for operator Exists
            {"podSelector": {}, "policyTypes": ["ingress"]}                                    | spec.policyTypes: unknown policy type 'ingress' (Ingress or Egress)
            {"podSelector": {}, "ingress": {}}                                                 | spec.ingress: must be a list
            {"podSelector": {}, "ingress": [{"to": []}]}                                       | spec.ingress[0].to: unsupported field
            {"podSelector": {}, "ingress": [{"from": [{}]}]}                                    | spec.ingress[0].from[0]: a peer needs podSelector, namespaceSelector or ipBlock
            {"podSelector": {}, "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/8"}, "podSelector": {}}]}]} | spec.egress[0].to[0]: ipBlock cannot be combined with podSelector or namespaceSelector
            {"podSelector": {}, "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0"}}]}]}       | spec.egress[0].to[0].ipBlock.cidr: not an IPv4 CIDR (a.b.c.d/n): '10.0.0.0'
            {"podSelector": {}, "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.256/8"}}]}]}   | spec.egress[0].to[0].ipBlock.cidr: not an IPv4 address or CIDR: '10.0.0.256'
            {"podSelector": {}, "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/33"}}]}]}    | spec.egress[0].to[0].ipBlock.cidr: not an IPv4 address or CIDR: '10.0.0.0/33'
            {"podSelector": {}, "egress": [{"to": [{"ipBlock": {"cidr": "fd00::/8"}}]}]}       | spec.egress[0].to[0].ipBlock.cidr: IPv6 is not supported: 'fd00::/8'
            {"podSelector": {}, "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/8", "except": ["11.0.0.0/16"]}}]}]} | spec.egress[0].to[0].ipBlock.except[0]: 11.0.0.0/16 is not strictly inside 10.0.0.0/8
            {"podSelector": {}, "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/8", "except": ["10.0.0.0/8"]}}]}]}  | spec.egress[0].to[0].ipBlock.except[0]: 10.0.0.0/8 is not strictly inside 10.0.0.0/8
            {"podSelector": {}, "egress": [{"to": [{"ipBlock": {}}]}]}                         | spec.egress[0].to[0].ipBlock.cidr: is required
            {"podSelector": {}, "egress": [{"ports": [{"port": 0}]}]}                          | spec.egress[0].ports[0].port: must be a port number 1..65535, got 0
            {"podSelector": {}, "egress": [{"ports": [{"port": 65536}]}]}                      | spec.egress[0].ports[0].port: must be a port number 1..65535, got 65536
            {"podSelector": {}, "egress": [{"ports": [{"port": 80.5}]}]}                       | spec.egress[0].ports[0].port: must be a port number 1..65535, got 80.5
            {"podSelector": {}, "egress": [{"ports": [{"port": "80"}]}]}                       | spec.egress[0].ports[0].port: not a valid port name: '80'
            {"podSelector": {}, "egress": [{"ports": [{"port": "Http"}]}]}                     | spec.egress[0].ports[0].port: not a valid port name: 'Http'
            {"podSelector": {}, "egress": [{"ports": [{"port": 443, "endPort": 80}]}]}         | spec.egress[0].ports[0].endPort: must not be below port 443, got 80
            {"podSelector": {}, "egress": [{"ports": [{"port": "https", "endPort": 8443}]}]}   | spec.egress[0].ports[0].endPort: needs a numeric port
            {"podSelector": {}, "egress": [{"ports": [{"endPort": 8443}]}]}                    | spec.egress[0].ports[0].endPort: needs a numeric port
            {"podSelector": {}, "egress": [{"ports": [{"protocol": "tcp", "port": 80}]}]}      | spec.egress[0].ports[0].protocol: unknown protocol 'tcp' (TCP, UDP or SCTP)
            """)
    void aBadSpecIsRejectedWithThePolicyAndThePathOfTheField(String spec, String error) {
        assertEquals("NetworkPolicy shop/broken: " + error, rejection(policy("shop", "broken", spec)));
    }

    @Test
    void aMissingNamespaceNamesThePolicy() {
        JsonObject policy = policy("shop", "no-namespace", "{\"podSelector\": {}}");
        policy.getAsJsonObject("metadata").remove("namespace");
        assertEquals("NetworkPolicy no-namespace: metadata.namespace: is required", rejection(policy));
    }

    @Test
    void aMissingNameNamesThePolicyByPosition() {
        JsonObject policy = policy("shop", "x", "{\"podSelector\": {}}");
        policy.getAsJsonObject("metadata").remove("name");
        String message = assertThrows(IllegalArgumentException.class, () -> new NetworkPolicyEvaluator(
                List.of(Fixtures.defaultDeny("shop"), policy), Map.of())).getMessage();
        assertEquals("NetworkPolicy #1: metadata.name: is required", message);
    }

    @Test
    void anotherKindIsRejected() {
        JsonObject policy = policy("shop", "p", "{\"podSelector\": {}}");
        policy.addProperty("kind", "CiliumNetworkPolicy");
        assertEquals("NetworkPolicy #0: kind: expected 'NetworkPolicy', got 'CiliumNetworkPolicy'", rejection(policy));
    }

    @Test
    void aMissingSpecIsRejected() {
        JsonObject policy = JsonParser.parseString("""
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "p", "namespace": "shop"}}
                """).getAsJsonObject();
        assertEquals("NetworkPolicy shop/p: spec: is required", rejection(policy));
    }

    @Test
    void aPolicyDefinedTwiceIsRejected() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> evaluator(Fixtures.defaultDeny("shop"), Fixtures.defaultDeny("shop"))).getMessage();
        assertEquals("NetworkPolicy shop/default-deny: defined more than once", message);
    }

    @Test
    void nullFieldsCountAsAbsent() {
        NetworkPolicyEvaluator evaluator = evaluator(policy("shop", "nulls", """
                {"podSelector": null, "policyTypes": null, "egress": null,
                 "ingress": [{"from": null, "ports": [{"protocol": null, "port": 80, "endPort": null}]}]}
                """));
        Endpoint.Pod pod = Endpoint.Pod.of("shop");
        assertEquals(true, evaluator.allows(Flow.tcp(pod, pod, 80)));
        assertEquals(false, evaluator.allows(Flow.tcp(pod, pod, 81)));
    }
}
