package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;

import java.util.List;

import static dev.bulkhead.platform.admission.Kyverno.condition;

/**
 * No Service of type NodePort or LoadBalancer anywhere in a project, gateway namespaces included: the project's
 * own ALB, bound to its ClusterIP gateway by a TargetGroupBinding, is the only way in from outside.
 */
public final class ClusterIpServicesOnly {

    public static final String NAME = "bulkhead-cluster-ip-services-only";
    public static final List<String> FORBIDDEN_TYPES = List.of("NodePort", "LoadBalancer");

    private ClusterIpServicesOnly() {
    }

    public static Manifest of(AdmissionContext context) {
        return Kyverno.clusterPolicy(NAME, List.of(Kyverno.denyRule("no-node-port-or-load-balancer",
                Kyverno.match(List.of("Service"), Kyverno.projectNamespaces()),
                "Services in project namespaces must not be NodePort or LoadBalancer; expose routes through "
                        + "the project's gateway",
                List.of(condition("{{ request.object.spec.type || 'ClusterIP' }}", "AnyIn", FORBIDDEN_TYPES)))));
    }
}
