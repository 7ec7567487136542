package dev.bulkhead.operator;

import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRole;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.manifest.ManifestResources;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers the operator's manifests. The workspace identities and their RBAC are the only ServiceAccounts and
 * role objects Bulkhead creates, so they are converted here, with the Kubernetes SDK's typed classes, rather than
 * in the generic {@link ManifestResources} (which refuses ServiceAccounts, as project namespaces get none);
 * everything else goes through {@link ManifestResources}. An unexpected field fails rather than being dropped.
 */
final class OperatorResources {

    private OperatorResources() {
    }

    static CustomResource create(String logicalName, Manifest m, CustomResourceOptions options) {
        return switch (m.apiVersion() + "/" + m.kind()) {
            case "v1/ServiceAccount" -> {
                only(m, Set.of("automountServiceAccountToken"));
                yield new ServiceAccount(logicalName, ServiceAccountArgs.builder()
                        .metadata(metadata(m))
                        .automountServiceAccountToken((Boolean) m.body().get("automountServiceAccountToken"))
                        .build(), options);
            }
            case WorkspaceRbac.RBAC_API + "/ClusterRole" -> {
                only(m, Set.of("rules"));
                yield new ClusterRole(logicalName, ClusterRoleArgs.builder()
                        .metadata(metadata(m))
                        .rules(rules(m))
                        .build(), options);
            }
            case WorkspaceRbac.RBAC_API + "/ClusterRoleBinding" -> {
                only(m, Set.of("roleRef", "subjects"));
                yield new ClusterRoleBinding(logicalName, ClusterRoleBindingArgs.builder()
                        .metadata(metadata(m))
                        .roleRef(roleRef(m))
                        .subjects(subjects(m))
                        .build(), options);
            }
            case WorkspaceRbac.RBAC_API + "/RoleBinding" -> {
                only(m, Set.of("roleRef", "subjects"));
                yield new RoleBinding(logicalName, RoleBindingArgs.builder()
                        .metadata(metadata(m))
                        .roleRef(roleRef(m))
                        .subjects(subjects(m))
                        .build(), options);
            }
            default -> ManifestResources.create(logicalName, m, options);
        };
    }

    private static void only(Manifest m, Set<String> keys) {
        for (String key : m.body().keySet()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(m.id() + ": unexpected field '" + key + "'");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<PolicyRuleArgs> rules(Manifest m) {
        return ((List<Map<String, Object>>) m.body().get("rules")).stream().map(rule -> {
            var args = PolicyRuleArgs.builder()
                    .apiGroups((List<String>) rule.get("apiGroups"))
                    .resources((List<String>) rule.get("resources"))
                    .verbs((List<String>) rule.get("verbs"));
            if (rule.containsKey("resourceNames")) {
                args.resourceNames((List<String>) rule.get("resourceNames"));
            }
            return args.build();
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static RoleRefArgs roleRef(Manifest m) {
        Map<String, Object> ref = (Map<String, Object>) m.body().get("roleRef");
        return RoleRefArgs.builder()
                .apiGroup((String) ref.get("apiGroup"))
                .kind((String) ref.get("kind"))
                .name((String) ref.get("name"))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static List<SubjectArgs> subjects(Manifest m) {
        return ((List<Map<String, Object>>) m.body().get("subjects")).stream().map(s -> SubjectArgs.builder()
                .kind((String) s.get("kind"))
                .name((String) s.get("name"))
                .namespace((String) s.get("namespace"))
                .build()).toList();
    }

    private static ObjectMetaArgs metadata(Manifest m) {
        var meta = ObjectMetaArgs.builder().name(m.name()).labels(m.labels());
        if (m.namespace() != null) {
            meta.namespace(m.namespace());
        }
        return meta.build();
    }
}
