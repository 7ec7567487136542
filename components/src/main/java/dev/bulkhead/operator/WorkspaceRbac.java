package dev.bulkhead.operator;

import dev.bulkhead.isolation.PerimeterKinds;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.naming.Names;
import dev.bulkhead.workload.WorkloadKinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The identity of one project's workspace and what it may do, so that it can run its project's stack and nothing
 * more:
 * <ul>
 *   <li>a ServiceAccount in the operator's namespace, the workspace pod's identity;</li>
 *   <li>a ClusterRoleBinding to {@code system:auth-delegator}: the workspace agent checks each call of the
 *       operator with a TokenReview and a SubjectAccessReview, which that role allows;</li>
 *   <li>read access to the project's own namespaces, by name: the platform stack creates and labels them, because a
 *       namespace's labels decide its project membership and Pod Security level;</li>
 *   <li>a ClusterRole granted by a RoleBinding in each of the project's tenant namespaces (never its gateway's), so
 *       it is worth nothing elsewhere: full control of the app kinds of {@link WorkloadKinds#WRITTEN} (what a team's
 *       stack creates for its apps), reading of {@link WorkloadKinds#AWAITED} (what the Kubernetes provider watches
 *       while it waits for them), and one rule per further kind this program's project layer holds (full control,
 *       or get and patch by name of objects Kubernetes made and the layer patches).</li>
 * </ul>
 * No perimeter kind, RBAC object, Pod, Namespace or Stack is ever granted: a project layer holding a perimeter object
 * fails here. What the granted kinds may contain (no external IPs, ClusterIP only, token-less ServiceAccounts, no
 * reserved pod labels) is admission's to decide, for the workspace as for any tenant.
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
     * @param namespaces   the project's tenant namespaces, where its stack may write
     * @param layerObjects the objects this program's project layer manages (Namespaces among them, read only), all in
     *                     those namespaces
     */
    public static List<Manifest> of(String project, String operatorNamespace, List<String> namespaces,
                                    List<Manifest> layerObjects) {
        if (namespaces.isEmpty()) {
            // an empty resourceNames list would grant every namespace
            throw new IllegalArgumentException(project + ": a project without namespaces");
        }
        String account = serviceAccountName(project);
        Map<String, Object> subject = Map.of("kind", "ServiceAccount", "name", account,
                "namespace", operatorNamespace);
        List<Manifest> namespaced = new ArrayList<>();
        for (Manifest m : layerObjects) {
            String where = m.namespace() == null ? m.name() : m.namespace();
            if (m.namespace() == null && !m.kind().equals("Namespace")) {
                throw new IllegalArgumentException(m.id() + ": a project layer manages no cluster-scoped "
                        + "objects besides reading its namespaces");
            }
            if (!namespaces.contains(where)) {
                throw new IllegalArgumentException(m.id() + ": outside project " + project + "'s namespaces "
                        + namespaces);
            }
            if (m.namespace() == null) {
                continue;
            }
            if (PerimeterKinds.contains(m.apiVersion(), m.kind()) || RBAC_GROUP.equals(group(m.apiVersion()))) {
                throw new IllegalArgumentException(m.id() + ": the perimeter and permissions are the platform's; a "
                        + "project layer holds none of them");
            }
            namespaced.add(m);
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
                Map.of("rules", List.of(rule("", "namespaces", List.copyOf(new TreeSet<>(namespaces)), READ))),
                false));
        out.add(clusterRoleBinding(namespaceRole, namespaceRole, subject));
        out.add(new Manifest(RBAC_API, "ClusterRole", objectRole, null, PulumiOperator.labels(),
                Map.of("rules", namespacedRules(namespaced)), false));
        for (String namespace : new TreeSet<>(namespaces)) {
            out.add(new Manifest(RBAC_API, "RoleBinding", objectRole, namespace, PulumiOperator.labels(), Map.of(
                    "roleRef", roleRef(objectRole),
                    "subjects", List.of(subject)), false));
        }
        return out;
    }

    /**
     * The rules of the workspace's role: full control of the app kinds and of every kind the layer creates, get and
     * patch by name of what it only patches, and reading of what the provider awaits; one rule per (group, resource),
     * in a fixed order.
     */
    static List<Map<String, Object>> namespacedRules(List<Manifest> objects) {
        Map<String, Set<String>> patchedNames = new TreeMap<>();
        Set<String> managed = new TreeSet<>();
        for (WorkloadKinds.Kind kind : WorkloadKinds.WRITTEN) {
            managed.add(kind.group() + "/" + kind.resource());
        }
        for (Manifest m : objects) {
            String key = group(m.apiVersion()) + "/" + resource(m.kind());
            if (m.patch()) {
                patchedNames.computeIfAbsent(key, k -> new TreeSet<>()).add(m.name());
            } else {
                managed.add(key);
            }
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (String key : managed) {
            rules.add(rule(groupOf(key), resourceOf(key), List.of(), MANAGE));
        }
        patchedNames.forEach((key, names) -> {
            if (!managed.contains(key)) {
                rules.add(rule(groupOf(key), resourceOf(key), List.copyOf(names), PATCH_ONLY));
            }
        });
        Set<String> awaited = new TreeSet<>();
        for (WorkloadKinds.Kind kind : WorkloadKinds.AWAITED) {
            awaited.add(kind.group() + "/" + kind.resource());
        }
        for (String key : awaited) {
            if (!managed.contains(key)) {
                rules.add(rule(groupOf(key), resourceOf(key), List.of(), READ));
            }
        }
        return rules;
    }

    private static String groupOf(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    private static String resourceOf(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    /** The API group of an apiVersion: {@code ""} for the core group ({@code v1}). */
    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The plural resource name Kubernetes uses for a kind: NetworkPolicy to networkpolicies, Gateway to gateways. */
    public static String resource(String kind) {
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
