package dev.bulkhead.access;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.naming.Names;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grants {@link DeveloperRole} to a project's developers in one of the project's namespaces. The subject is the
 * Kubernetes group their EKS access entry puts them in ({@link Names#developerGroup}); only the platform edits
 * access entries, so only the project's developer role is in that group.
 */
public final class DeveloperBinding {

    public static final String NAME = "bulkhead-developers";

    private DeveloperBinding() {
    }

    /** The RoleBinding of {@code project}'s developers in {@code namespace}. */
    public static Manifest of(String project, String namespace) {
        Map<String, String> labels = new HashMap<>(DeveloperRole.labels());
        labels.put(Labels.PROJECT, project);
        return new Manifest(DeveloperRole.RBAC_API, "RoleBinding", NAME, namespace, labels, Map.of(
                "roleRef", Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole",
                        "name", DeveloperRole.NAME),
                "subjects", List.of(Map.of("kind", "Group", "apiGroup", "rbac.authorization.k8s.io",
                        "name", Names.developerGroup(project)))), false);
    }
}
