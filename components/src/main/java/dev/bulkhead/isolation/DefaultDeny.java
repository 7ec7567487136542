package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;
import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/** Isolates every pod of the namespace in both directions; with no rules, it allows nothing. */
public final class DefaultDeny {

    public static final String NAME = "default-deny";

    private DefaultDeny() {
    }

    public static Manifest of(Compartment compartment) {
        return forNamespace(compartment.namespace(), compartment.labels());
    }

    /** The default deny of any namespace Bulkhead seals, project or platform. */
    public static Manifest forNamespace(String namespace, Map<String, String> labels) {
        return NetworkPolicyParts.policy(namespace, labels, NAME, Map.of(
                "podSelector", NetworkPolicyParts.allPods(),
                "policyTypes", List.of(INGRESS, EGRESS)));
    }
}
