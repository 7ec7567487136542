package dev.bulkhead.config;

import dev.bulkhead.egress.EgressWaypointPlan;
import dev.bulkhead.isolation.AllowDns;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.operator.OperatorChart;
import dev.bulkhead.platform.Charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Namespaces that belong to Kubernetes or to the platform itself and so can never be a project's, nor the
 * monitoring namespace: a project owning one would sit inside the platform's trust boundary, and the stack
 * managing one would create it twice or delete it on destroy. Taken from the components that create them.
 */
final class ReservedNamespaces {

    /** Each reserved namespace with what it belongs to. */
    static final Map<String, String> OWNERS = owners();

    /** Always reserved; {@code platform.monitoringNamespace} is added per stack. */
    static final List<String> ALWAYS = List.copyOf(OWNERS.keySet());

    private ReservedNamespaces() {
    }

    /** The reserved namespaces of a stack whose monitoring namespace is {@code monitoringNamespace}. */
    static List<String> forStack(String monitoringNamespace) {
        List<String> all = new ArrayList<>(ALWAYS);
        if (monitoringNamespace != null && !all.contains(monitoringNamespace)) {
            all.add(monitoringNamespace);
        }
        return List.copyOf(all);
    }

    private static Map<String, String> owners() {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.putIfAbsent("default", "Kubernetes");
        owners.putIfAbsent(AllowDns.DNS_NAMESPACE, "Kubernetes");
        owners.putIfAbsent("kube-public", "Kubernetes");
        owners.putIfAbsent("kube-node-lease", "Kubernetes");
        owners.putIfAbsent(Ambient.ROOT_NAMESPACE, "Istio");
        owners.putIfAbsent(Charts.ISTIO_NAMESPACE, "Istio");
        owners.putIfAbsent("bulkhead-system", "Bulkhead");
        owners.putIfAbsent(EgressWaypointPlan.NAMESPACE, "the egress waypoint");
        owners.putIfAbsent(Charts.KYVERNO.namespace(), "Kyverno");
        owners.putIfAbsent(Charts.LOAD_BALANCER_CONTROLLER.namespace(), "the AWS load balancer controller");
        owners.putIfAbsent(OperatorChart.NAMESPACE, "the Pulumi Kubernetes Operator");
        return Collections.unmodifiableMap(owners);
    }
}
