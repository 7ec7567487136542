package dev.bulkhead.netpol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.List;
import java.util.Map;

/** Builds NetworkPolicy objects and evaluators for the tests from small JSON snippets. */
final class Fixtures {

    private Fixtures() {
    }

    /** A NetworkPolicy {@code namespace/name} whose spec is the given JSON. */
    static JsonObject policy(String namespace, String name, String spec) {
        JsonObject policy = new JsonObject();
        policy.addProperty("apiVersion", "networking.k8s.io/v1");
        policy.addProperty("kind", "NetworkPolicy");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("name", name);
        metadata.addProperty("namespace", namespace);
        policy.add("metadata", metadata);
        policy.add("spec", JsonParser.parseString(spec));
        return policy;
    }

    /** Denies all ingress and egress for every pod of {@code namespace}. */
    static JsonObject defaultDeny(String namespace) {
        return policy(namespace, "default-deny", """
                {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}
                """);
    }

    static NetworkPolicyEvaluator evaluator(JsonObject... policies) {
        return new NetworkPolicyEvaluator(List.of(policies), Map.of());
    }

    static NetworkPolicyEvaluator evaluator(Map<String, Map<String, String>> namespaceLabels, JsonObject... policies) {
        return new NetworkPolicyEvaluator(List.of(policies), namespaceLabels);
    }
}
