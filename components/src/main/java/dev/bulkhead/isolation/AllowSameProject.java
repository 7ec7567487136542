package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;
import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * The project's virtual network: every pod may talk to and hear from every pod of every namespace of the same
 * project, on any port. Namespaces are selected by the project label, so this is one policy however many namespaces
 * and projects there are. The pods of apps with narrowed callers, and waypoints, are left out
 * ({@link NetworkPolicyParts#projectWidePods()}): their own policies say who reaches them.
 */
public final class AllowSameProject {

    public static final String NAME = "allow-same-project";

    private AllowSameProject() {
    }

    public static Manifest of(Compartment compartment) {
        var project = List.of(NetworkPolicyParts.appNamespaces(compartment.projectSelector()));
        return NetworkPolicyParts.policy(compartment, NAME, Map.of(
                "podSelector", NetworkPolicyParts.projectWidePods(),
                "policyTypes", List.of(INGRESS, EGRESS),
                "ingress", List.of(NetworkPolicyParts.from(project, List.of())),
                "egress", List.of(NetworkPolicyParts.to(project, List.of()))));
    }
}
