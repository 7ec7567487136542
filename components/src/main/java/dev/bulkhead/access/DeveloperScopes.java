package dev.bulkhead.access;

import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.naming.Names;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The namespaces each project's developer role may edit: exactly the project's own namespaces.
 *
 * <p>Not the project's gateway namespace ({@link Names#gatewayNamespace}), even when the project has ingress:
 * the gateway, its Service and the TargetGroupBinding that ties it to the ALB are platform objects reconciled from
 * config. Edit rights there would let a developer reshape the project's internet entry point outside review,
 * and the platform would only fight the change on the next {@code pulumi up}. Routes are declared in config, not
 * by hand.
 *
 * <p>Fails closed on scopes that would break a compartment: a project with no namespace (EKS rejects an empty
 * namespace scope, and there would be nothing to scope to), wildcards, namespaces of the cluster itself, another
 * project's gateway, or a namespace two projects both claim.
 */
final class DeveloperScopes {

    /** Namespaces that belong to Kubernetes or EKS, never to a tenant. */
    static final Set<String> RESERVED = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    private DeveloperScopes() {
    }

    /** Project name to the namespaces its developers may edit, in the order the projects were given. */
    static Map<String, List<String>> of(List<ProjectSpec> projects) {
        Set<String> gateways = new LinkedHashSet<>();
        for (ProjectSpec project : projects) {
            gateways.add(Names.gatewayNamespace(project.name()));
        }
        Map<String, String> owner = new HashMap<>();
        Map<String, List<String>> scopes = new LinkedHashMap<>();
        for (ProjectSpec project : projects) {
            if (project.namespaces().isEmpty()) {
                throw new IllegalArgumentException("access: project " + project.name()
                        + " has no namespaces to scope its developers to");
            }
            for (String namespace : project.namespaces()) {
                if (namespace.contains("*") || namespace.contains("?")) {
                    throw new IllegalArgumentException("access: namespace " + namespace + " of project "
                            + project.name() + " contains a wildcard");
                }
                if (RESERVED.contains(namespace) || gateways.contains(namespace)) {
                    throw new IllegalArgumentException("access: namespace " + namespace + " of project "
                            + project.name() + " is not the project's to edit");
                }
                String previous = owner.putIfAbsent(namespace, project.name());
                if (previous != null && !previous.equals(project.name())) {
                    throw new IllegalArgumentException("access: namespace " + namespace
                            + " is claimed by projects " + previous + " and " + project.name());
                }
            }
            // sorted: the scope is a set, and listing the namespaces in another order must not update it
            scopes.put(project.name(), List.copyOf(new TreeSet<>(project.namespaces())));
        }
        return scopes;
    }
}
