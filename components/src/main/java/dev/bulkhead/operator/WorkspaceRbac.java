package dev.bulkhead.operator;

import dev.bulkhead.isolation.PerimeterKinds;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The identity of one project's workspace and what it may do, derived from the objects the project layer
 * manages so that it can do exactly that and nothing more:
 * <ul>
 *   <li>a ServiceAccount in the operator's namespace, the workspace pod's identity;</li>
 *   <li>a ClusterRoleBinding to {@code system:auth-delegator}: the workspace agent checks each call of the
 *       operator with a TokenReview and a SubjectAccessReview, which that role allows;</li>
 *   <li>read access to the project's own namespaces, by name: the platform stack creates and labels them, because a
 *       namespace's labels decide its project membership and Pod Security level;</li>
 *   <li>a ClusterRole with one rule per kind the project layer holds (full control of those kinds; only get
 *       and patch, by name, for objects Kubernetes made and the project layer patches), granted by a RoleBinding in
 *       each project namespace where the layer holds something, so it is worth nothing elsewhere.</li>
 * </ul>
 * The project layer holds no perimeter object (the platform stack creates those), so neither does this role: today
 * it is get and patch of the ServiceAccount {@code default}. A kind added to the project layer (an app's
 * Deployment, say) adds its rule here by itself; admission decides separately what such an object may contain.
 */
public final class WorkspaceRbac {

    public static final String AUTH_DELEGATOR = "system:auth-delegator";
    static final String RBAC_API = "rbac.authorization.k8s.io/v1";
    static final String RBAC_GROUP = "rbac.authorization.k8s.io";
    static final List<String> MANAGE = List.of("get", "list", "watch", "create", "update", "patch", "delete");
    static final List<String> PATCH_ONLY = List.of("get", "patch");
    static final List<String> READ = List.of("get", "list", "watch");

    private WorkspaceRbac() {
    }

    /** The workspace ServiceAccount's name for {@code project}. */
    public static String serviceAccountName(String project) {
        return Names.kubernetes(project, "workspace");
    }

    /**
     * Every RBAC object of one project's workspace.
     *
     * @param projectObjects the objects the project layer manages (Namespaces among them, read only)
     */
    public static List<Manifest> of(String project, String operatorNamespace, List<Manifest> projectObjects) {
        String account = serviceAccountName(project);
        Map<String, Object> subject = Map.of("kind", "ServiceAccount", "name", account,
                "namespace", operatorNamespace);
        Set<String> namespaces = new TreeSet<>();
        Set<String> bound = new TreeSet<>();
        List<Manifest> namespaced = new ArrayList<>();
        for (Manifest m : projectObjects) {
            if (m.namespace() == null) {
                if (!m.kind().equals("Namespace")) {
                    throw new IllegalArgumentException(m.id() + ": a project layer manages no cluster-scoped "
                            + "objects besides reading its namespaces");
                }
                namespaces.add(m.name());
            } else {
                if (PerimeterKinds.contains(m.apiVersion(), m.kind())) {
                    throw new IllegalArgumentException(m.id() + ": the perimeter is the platform's; a project layer "
                            + "holds none of it");
                }
                namespaces.add(m.namespace());
                bound.add(m.namespace());
                namespaced.add(m);
            }
        }
        if (namespaces.isEmpty()) {
            // an empty resourceNames list would grant every namespace
            throw new IllegalArgumentException(project + ": a project layer without namespaces");
        }
        String namespaceRole = Names.kubernetes("bulkhead", project, "workspace-namespaces");
        String objectRole = Names.kubernetes("bulkhead", project, "workspace");

        List<Manifest> out = new ArrayList<>();
        out.add(new Manifest("v1", "ServiceAccount", account, operatorNamespace, PulumiOperator.labels(),
                // The workspace calls the Kubernetes API with this account's token.
                Map.of("automountServiceAccountToken", true), false));
        out.add(clusterRoleBinding(Names.kubernetes("bulkhead", project, "workspace-auth-delegator"),
                AUTH_DELEGATOR, subject));
        out.add(new Manifest(RBAC_API, "ClusterRole", namespaceRole, null, PulumiOperator.labels(),
                Map.of("rules", List.of(rule("", "namespaces", List.copyOf(namespaces), READ))), false));
        out.add(clusterRoleBinding(namespaceRole, namespaceRole, subject));
        out.add(new Manifest(RBAC_API, "ClusterRole", objectRole, null, PulumiOperator.labels(),
                Map.of("rules", namespacedRules(namespaced)), false));
        for (String namespace : bound) {
            out.add(new Manifest(RBAC_API, "RoleBinding", objectRole, namespace, PulumiOperator.labels(), Map.of(
                    "roleRef", roleRef(objectRole),
                    "subjects", List.of(subject)), false));
        }
        return out;
    }

    /** One rule per (group, resource): full control, or get and patch by name for objects only patched. */
    static List<Map<String, Object>> namespacedRules(List<Manifest> objects) {
        Map<String, Set<String>> patchedNames = new TreeMap<>();
        Set<String> managed = new LinkedHashSet<>();
        for (Manifest m : objects) {
            String key = group(m.apiVersion()) + "/" + resource(m.kind());
            if (m.patch()) {
                patchedNames.computeIfAbsent(key, k -> new TreeSet<>()).add(m.name());
            } else {
                managed.add(key);
            }
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (String key : new TreeSet<>(managed)) {
            rules.add(rule(key.substring(0, key.indexOf('/')), key.substring(key.indexOf('/') + 1), List.of(), MANAGE));
        }
        patchedNames.forEach((key, names) -> {
            if (!managed.contains(key)) {
                rules.add(rule(key.substring(0, key.indexOf('/')), key.substring(key.indexOf('/') + 1),
                        List.copyOf(names), PATCH_ONLY));
            }
        });
        return rules;
    }

    /** The API group of an apiVersion: {@code ""} for the core group ({@code v1}). */
    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The plural resource name Kubernetes uses for a kind: NetworkPolicy to networkpolicies, Gateway to gateways. */
    static String resource(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        if (lower.endsWith("s") || lower.endsWith("x")) {
            return lower + "es";
        }
        return lower + "s";
    }

    private static Map<String, Object> rule(String group, String resource, List<String> names, List<String> verbs) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("apiGroups", List.of(group));
        rule.put("resources", List.of(resource));
        if (!names.isEmpty()) {
            rule.put("resourceNames", names);
        }
        rule.put("verbs", verbs);
        return rule;
    }

    private static Manifest clusterRoleBinding(String name, String role, Map<String, Object> subject) {
        return new Manifest(RBAC_API, "ClusterRoleBinding", name, null, PulumiOperator.labels(), Map.of(
                "roleRef", roleRef(role),
                "subjects", List.of(subject)), false);
    }

    private static Map<String, Object> roleRef(String role) {
        return Map.of("apiGroup", RBAC_GROUP, "kind", "ClusterRole", "name", Objects.requireNonNull(role));
    }
}
