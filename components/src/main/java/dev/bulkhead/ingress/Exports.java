package dev.bulkhead.ingress;

import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.IstioSecurity;
import dev.bulkhead.mesh.SpiffeId;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.naming.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * The objects of one export in the exporting project's gateway namespace: the Service consumers call
 * ({@code <export>.<project>-gateway.svc}, port {@value GatewayPorts#EXPORT_SERVICE_PORT}), the HTTPRoute to the
 * exported service, a NetworkPolicy admitting the consumer projects' namespaces to the gateway pods on the export's
 * listener (and HBONE), and an AuthorizationPolicy at the Gateway admitting only the consumers' identities on that
 * listener.
 */
public final class Exports {

    public static final String COMPONENT = "export";

    private Exports() {
    }

    /** Every object of one of the project's exports. */
    public static List<Manifest> of(ProjectEdge edge, ExportSpec export) {
        int port = GatewayPorts.export(export.name());
        return List.of(service(edge, export, port), GatewayObjects.exportRoute(edge, export),
                networkPolicy(edge, export, port), authorization(edge, export, port));
    }

    /** The name of an export's NetworkPolicy and AuthorizationPolicy. */
    public static String policyName(ExportSpec export) {
        return GatewayObjects.exportListener(export.name());
    }

    static Manifest service(ProjectEdge edge, ExportSpec export, int port) {
        return Manifest.namespaced("v1", "Service", edge.gatewayNamespace(), export.name(),
                        ProjectEdge.labels(edge.name(), COMPONENT),
                        Map.of("type", "ClusterIP",
                                "selector", edge.gatewayPods(),
                                "ports", List.of(Map.of("name", "http", "protocol", "TCP",
                                        "port", GatewayPorts.EXPORT_SERVICE_PORT, "targetPort", port))))
                .withAnnotations(markers(export));
    }

    static Manifest networkPolicy(ProjectEdge edge, ExportSpec export, int port) {
        List<Map<String, Object>> consumers = new ArrayList<>();
        for (String consumer : export.consumers()) {
            consumers.add(NetworkPolicyParts.appNamespaces(Map.of(Labels.PROJECT, consumer)));
        }
        TreeSet<Integer> ports = new TreeSet<>(List.of(port));
        return Manifest.namespaced(NetworkPolicyParts.API_VERSION, NetworkPolicyParts.KIND, edge.gatewayNamespace(),
                        policyName(export), ProjectEdge.labels(edge.name(), COMPONENT),
                        Map.of("podSelector", NetworkPolicyParts.matchLabels(edge.gatewayPods()),
                                "policyTypes", List.of(INGRESS),
                                "ingress", List.of(NetworkPolicyParts.from(consumers, GatewayPolicies.ports(ports)))))
                .withAnnotations(markers(export));
    }

    static Manifest authorization(ProjectEdge edge, ExportSpec export, int port) {
        List<String> principals = edge.namespacesOf(export.consumers()).stream()
                .map(ns -> SpiffeId.anyIn(edge.platform().trustDomain(), ns).principal())
                .sorted().toList();
        if (principals.isEmpty()) {
            // Istio reads an empty principals list as "any source"
            throw new IllegalArgumentException(edge.name() + " export " + export.name() + ": no consumer namespaces");
        }
        return Manifest.namespaced(IstioSecurity.API_VERSION, IstioSecurity.AUTHORIZATION_POLICY,
                        edge.gatewayNamespace(), policyName(export), ProjectEdge.labels(edge.name(), COMPONENT),
                        Map.of("targetRefs", List.of(GatewayPolicies.gatewayRef(edge)),
                                "action", "ALLOW",
                                "rules", List.of(Map.of(
                                        "from", List.of(Map.of("source", Map.of("principals", principals))),
                                        "to", List.of(Map.of("operation",
                                                Map.of("ports", List.of(String.valueOf(port)))))))))
                .withAnnotations(markers(export));
    }

    private static Map<String, String> markers(ExportSpec export) {
        return Map.of(Labels.EXPORT, export.name(), Labels.CONSUMERS, String.join(",", export.consumers()));
    }
}
