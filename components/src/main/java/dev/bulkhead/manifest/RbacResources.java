package dev.bulkhead.manifest;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RBAC objects Bulkhead generates (the developers' ClusterRole and RoleBindings, the operator workspaces' roles
 * and bindings) as the Kubernetes SDK's typed resources. They have no {@code spec}, so the generic custom resource
 * cannot carry them. Only the fields Bulkhead writes are accepted; anything else fails rather than being dropped.
 */
final class RbacResources {

    static final String API = "rbac.authorization.k8s.io/v1";

    private RbacResources() {
    }

    static CustomResource create(String logicalName, Manifest m, StrictReader read, CustomResourceOptions options) {
        return switch (m.kind()) {
            case "ClusterRole" -> {
                read.onlyKeys(m.body(), "", Set.of("rules"));
                yield new ClusterRole(logicalName, ClusterRoleArgs.builder()
                        .metadata(ManifestResources.metadata(m))
                        .rules(rules(m, read))
                        .build(), options);
            }
            case "ClusterRoleBinding" -> {
                read.onlyKeys(m.body(), "", Set.of("roleRef", "subjects"));
                yield new ClusterRoleBinding(logicalName, ClusterRoleBindingArgs.builder()
                        .metadata(ManifestResources.metadata(m))
                        .roleRef(roleRef(m, read))
                        .subjects(subjects(m, read))
                        .build(), options);
            }
            case "RoleBinding" -> {
                read.onlyKeys(m.body(), "", Set.of("roleRef", "subjects"));
                yield new RoleBinding(logicalName, RoleBindingArgs.builder()
                        .metadata(ManifestResources.metadata(m))
                        .roleRef(roleRef(m, read))
                        .subjects(subjects(m, read))
                        .build(), options);
            }
            default -> throw new IllegalArgumentException(m.id() + ": Bulkhead generates no " + m.kind());
        };
    }

    private static List<PolicyRuleArgs> rules(Manifest m, StrictReader read) {
        List<PolicyRuleArgs> rules = new ArrayList<>();
        List<?> items = read.list(m.body().get("rules"), "rules");
        for (int i = 0; i < items.size(); i++) {
            String path = "rules[" + i + "]";
            Map<String, Object> rule = read.map(items.get(i), path);
            read.onlyKeys(rule, path, Set.of("apiGroups", "resources", "resourceNames", "verbs"));
            var args = PolicyRuleArgs.builder()
                    .apiGroups(read.strings(rule.get("apiGroups"), path + ".apiGroups"))
                    .resources(read.strings(rule.get("resources"), path + ".resources"))
                    .verbs(read.strings(rule.get("verbs"), path + ".verbs"));
            if (rule.containsKey("resourceNames")) {
                args.resourceNames(read.strings(rule.get("resourceNames"), path + ".resourceNames"));
            }
            rules.add(args.build());
        }
        return rules;
    }

    private static RoleRefArgs roleRef(Manifest m, StrictReader read) {
        Map<String, Object> ref = read.map(m.body().get("roleRef"), "roleRef");
        read.onlyKeys(ref, "roleRef", Set.of("apiGroup", "kind", "name"));
        return RoleRefArgs.builder()
                .apiGroup(read.string(ref.get("apiGroup"), "roleRef.apiGroup"))
                .kind(read.string(ref.get("kind"), "roleRef.kind"))
                .name(read.string(ref.get("name"), "roleRef.name"))
                .build();
    }

    private static List<SubjectArgs> subjects(Manifest m, StrictReader read) {
        List<SubjectArgs> subjects = new ArrayList<>();
        List<?> items = read.list(m.body().get("subjects"), "subjects");
        for (int i = 0; i < items.size(); i++) {
            String path = "subjects[" + i + "]";
            Map<String, Object> subject = read.map(items.get(i), path);
            read.onlyKeys(subject, path, Set.of("kind", "name", "namespace", "apiGroup"));
            var args = SubjectArgs.builder()
                    .kind(read.string(subject.get("kind"), path + ".kind"))
                    .name(read.string(subject.get("name"), path + ".name"));
            if (subject.containsKey("namespace")) {
                args.namespace(read.string(subject.get("namespace"), path + ".namespace"));
            }
            if (subject.containsKey("apiGroup")) {
                args.apiGroup(read.string(subject.get("apiGroup"), path + ".apiGroup"));
            }
            subjects.add(args.build());
        }
        return subjects;
    }
}
