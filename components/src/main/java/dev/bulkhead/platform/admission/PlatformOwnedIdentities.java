package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.platform.admission.Kyverno.condition;

/**
 * Identities and permissions are the platform's to hand out: nobody but {@link PlatformSubjects} creates or
 * changes a ServiceAccount, Role or RoleBinding in a project namespace, or a ClusterRoleBinding anywhere. A
 * tenant with edit rights in its namespaces can therefore neither mint a new mesh identity (which the project's
 * AuthorizationPolicies would not know) nor grant itself API access.
 */
public final class PlatformOwnedIdentities {

    public static final String NAME = "bulkhead-platform-owned-identities";
    public static final List<String> NAMESPACED_KINDS = List.of("ServiceAccount", "Role", "RoleBinding");

    private PlatformOwnedIdentities() {
    }

    public static Manifest of(AdmissionContext context) {
        Map<String, Object> clusterWide = Map.of("any", List.of(Map.of("resources", Map.of(
                "kinds", List.of("ClusterRoleBinding"),
                "operations", List.of("CREATE", "UPDATE")))));
        return Kyverno.clusterPolicy(NAME, List.of(
                denyAll("no-tenant-identities",
                        Kyverno.match(NAMESPACED_KINDS, Kyverno.projectNamespaces()), context,
                        "only the platform creates ServiceAccounts, Roles and RoleBindings in project namespaces"),
                denyAll("no-tenant-cluster-role-bindings", clusterWide, context,
                        "only the platform creates ClusterRoleBindings")));
    }

    private static Map<String, Object> denyAll(String name, Map<String, Object> match, AdmissionContext context,
                                               String message) {
        Map<String, Object> rule = new LinkedHashMap<>(Kyverno.denyRule(name, match, message,
                List.of(condition("{{ request.operation }}", "AnyIn", List.of("CREATE", "UPDATE")))));
        rule.put("exclude", PlatformSubjects.exclude(context));
        return rule;
    }
}
