package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.platform.admission.Kyverno.condition;

/**
 * Permissions are the platform's to hand out: nobody but {@link PlatformSubjects} creates or changes a Role or
 * RoleBinding in a project namespace, or a ClusterRoleBinding anywhere, so no tenant can grant itself or its pods
 * API access. ServiceAccounts are guarded by the {@code bulkhead-service-accounts} admission guard instead (every one
 * of them token-less, {@code default} kept), so that the operator's workspaces can keep {@code default} patched.
 */
public final class PlatformOwnedIdentities {

    public static final String NAME = "bulkhead-platform-owned-identities";
    public static final List<String> NAMESPACED_KINDS = List.of("Role", "RoleBinding");

    private PlatformOwnedIdentities() {
    }

    public static Manifest of(AdmissionContext context) {
        Map<String, Object> clusterWide = Map.of("any", List.of(Map.of("resources", Map.of(
                "kinds", List.of("ClusterRoleBinding"),
                "operations", List.of("CREATE", "UPDATE")))));
        return Kyverno.clusterPolicy(NAME, List.of(
                denyAll("no-tenant-identities",
                        Kyverno.match(NAMESPACED_KINDS, Kyverno.projectNamespaces()), context,
                        "only the platform creates Roles and RoleBindings in project namespaces"),
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
