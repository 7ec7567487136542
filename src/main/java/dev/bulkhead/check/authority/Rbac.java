package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static dev.bulkhead.check.authority.Values.list;
import static dev.bulkhead.check.authority.Values.strings;

/**
 * Who may do what, by RBAC and by EKS access policies, computed from the render's roles, bindings and access policy
 * associations. It fails closed: a role the render does not hold and that is not a known built-in, an aggregated
 * ClusterRole, an EKS access policy it does not know, and the built-in {@code admin} and {@code edit} roles and the
 * EKS Admin and Edit policies (which AWS documents to include NetworkPolicies) all count as every verb on every
 * kind in their scope.
 */
final class Rbac {

    static final String API = "kubernetes:rbac.authorization.k8s.io/";
    static final String ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";
    static final List<String> ESCALATING_VERBS = List.of("bind", "escalate", "impersonate", "*");

    private final Map<String, List<RbacRule>> clusterRoles = new LinkedHashMap<>();
    private final Map<String, List<RbacRule>> roles = new LinkedHashMap<>();
    private final List<RenderedResource> bindings = new ArrayList<>();
    /** The indexes in {@link #bindings} of the bindings naming each subject, by {@link #subjectKeys}. */
    private final Map<String, List<Integer>> bindingsBySubject = new HashMap<>();
    private final Map<String, List<RenderedResource>> associationsByPrincipal = new HashMap<>();
    private final Map<Identity, List<Permission>> permissions = new ConcurrentHashMap<>();

    Rbac(RenderView view) {
        for (RenderedResource r : view.resources()) {
            if (!r.type().startsWith(API)) {
                continue;
            }
            String kind = r.type().substring(r.type().lastIndexOf(':') + 1);
            switch (kind) {
                case "ClusterRole" -> clusterRoles.put(RenderView.name(r), rules(r));
                case "Role" -> roles.put(RenderView.namespace(r).orElse("") + "/" + RenderView.name(r), rules(r));
                case "ClusterRoleBinding", "RoleBinding" -> bindings.add(r);
                default -> {
                }
            }
        }
        for (int i = 0; i < bindings.size(); i++) {
            for (Object subject : list(bindings.get(i).inputs().get("subjects"))) {
                if (subject instanceof Map<?, ?> m) {
                    for (String key : subjectKeys(m)) {
                        bindingsBySubject.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                    }
                }
            }
        }
        for (RenderedResource association : view.ofType(ASSOCIATION)) {
            associationsByPrincipal.computeIfAbsent(String.valueOf(association.inputs().get("principalArn")),
                    p -> new ArrayList<>()).add(association);
        }
    }

    /**
     * Under which keys a binding's subject is found: a User by name, a Group by name, a ServiceAccount by its user
     * name and by its namespace (the pods of a namespace are every ServiceAccount there). An identity looks up
     * {@link #identityKeys its own}; a subject of another kind names nobody.
     */
    private static List<String> subjectKeys(Map<?, ?> subject) {
        String name = String.valueOf(subject.get("name"));
        return switch (String.valueOf(subject.get("kind"))) {
            case "User" -> List.of("user " + name);
            case "Group" -> List.of("group " + name);
            case "ServiceAccount" -> {
                String namespace = String.valueOf(subject.get("namespace"));
                yield List.of("user " + Identity.SERVICE_ACCOUNT_PREFIX + namespace + ":" + name,
                        "accounts of " + namespace);
            }
            default -> List.of();
        };
    }

    /** The keys of {@link #subjectKeys} under which the subjects naming {@code identity} are found. */
    private static List<String> identityKeys(Identity identity) {
        List<String> keys = new ArrayList<>(List.of("user " + identity.username()));
        if (identity.serviceAccountsOf() != null) {
            // a namespace's pods are named by any ServiceAccount there
            keys.add("accounts of " + identity.serviceAccountsOf());
        }
        identity.groups().forEach(g -> keys.add("group " + g));
        return keys;
    }

    /** Every rule {@code identity} holds. */
    List<Permission> permissions(Identity identity) {
        return permissions.computeIfAbsent(identity, this::collect);
    }

    private List<Permission> collect(Identity identity) {
        List<Permission> out = new ArrayList<>();
        TreeSet<Integer> naming = new TreeSet<>();
        for (String key : identityKeys(identity)) {
            naming.addAll(bindingsBySubject.getOrDefault(key, List.of()));
        }
        for (int index : naming) {
            RenderedResource binding = bindings.get(index);
            String namespace = binding.type().endsWith(":RoleBinding") ? RenderView.namespace(binding).orElse("")
                    : null;
            Map<?, ?> ref = binding.inputs().get("roleRef") instanceof Map<?, ?> m ? m : Map.of();
            String roleKind = String.valueOf(ref.get("kind"));
            String roleName = String.valueOf(ref.get("name"));
            String via = (namespace == null ? "ClusterRoleBinding " : "RoleBinding " + namespace + "/")
                    + RenderView.name(binding) + " -> " + roleKind + " " + roleName;
            for (RbacRule rule : role(roleKind, roleName, namespace)) {
                out.add(new Permission(rule, namespace, via));
            }
        }
        if (identity.principalArn() != null) {
            for (RenderedResource association : associationsByPrincipal.getOrDefault(identity.principalArn(),
                    List.of())) {
                String policyArn = String.valueOf(association.inputs().get("policyArn"));
                String policy = policyArn.substring(policyArn.lastIndexOf('/') + 1);
                Map<?, ?> scope = association.inputs().get("accessScope") instanceof Map<?, ?> m ? m : Map.of();
                String via = "EKS access policy " + policy + " (association " + association.name() + ")";
                RbacRule rule = accessPolicy(policy);
                if ("namespace".equals(scope.get("type"))) {
                    for (String namespace : strings(scope.get("namespaces"))) {
                        out.add(new Permission(rule, namespace, via));
                    }
                } else {
                    out.add(new Permission(rule, null, via));
                }
            }
        }
        return List.copyOf(out);
    }

    /** What grants {@code identity} the verb, as "via" descriptions; empty when nothing does. */
    List<String> allowing(Identity identity, String verb, String group, String resource, String namespace,
                          String name) {
        return permissions(identity).stream().filter(p -> p.allows(verb, group, resource, namespace, name))
                .map(p -> p.via() + ": " + p.rule()).distinct().toList();
    }

    private List<RbacRule> role(String kind, String name, String bindingNamespace) {
        if (kind.equals("Role")) {
            List<RbacRule> rules = roles.get(bindingNamespace + "/" + name);
            return rules == null ? List.of(RbacRule.EVERYTHING) : rules;
        }
        List<RbacRule> rules = clusterRoles.get(name);
        if (rules != null) {
            return rules;
        }
        return switch (name) {
            case "view" -> List.of(RbacRule.READ_EVERYTHING);
            case "system:auth-delegator" -> List.of(
                    new RbacRule(List.of("authentication.k8s.io"), List.of("tokenreviews"), List.of(),
                            List.of("create")),
                    new RbacRule(List.of("authorization.k8s.io"), List.of("subjectaccessreviews"), List.of(),
                            List.of("create")));
            default -> List.of(RbacRule.EVERYTHING);
        };
    }

    private static RbacRule accessPolicy(String policy) {
        return switch (policy) {
            case "AmazonEKSViewPolicy", "AmazonEKSAdminViewPolicy" -> RbacRule.READ_EVERYTHING;
            default -> RbacRule.EVERYTHING;
        };
    }

    private static List<RbacRule> rules(RenderedResource role) {
        if (role.inputs().get("aggregationRule") != null) {
            return List.of(RbacRule.EVERYTHING);
        }
        List<RbacRule> out = new ArrayList<>();
        for (Object r : list(role.inputs().get("rules"))) {
            if (r instanceof Map<?, ?> rule) {
                if (rule.get("nonResourceURLs") != null && rule.get("resources") == null) {
                    continue;
                }
                out.add(new RbacRule(strings(rule.get("apiGroups")),
                        strings(rule.get("resources")), strings(rule.get("resourceNames")),
                        strings(rule.get("verbs"))));
            }
        }
        return out;
    }
}
