package dev.bulkhead.ingress;

import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.IstioSecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * What a namespace the gateway routes to holds for it: a NetworkPolicy admitting the gateway's pods on the routed
 * ports (and HBONE, which carries them in ambient), an AuthorizationPolicy admitting the gateway's identity on the
 * routed ports only, and the ReferenceGrant that lets the gateway namespace's HTTPRoutes name the routed Services.
 */
public final class BackendAccess {

    public static final String NAME = "allow-gateway";

    private BackendAccess() {
    }

    /** The objects for {@code namespace}; none if the gateway routes nothing there. */
    public static List<Manifest> of(ProjectEdge edge, String namespace) {
        var services = edge.backends().get(namespace);
        if (services == null) {
            return List.of();
        }
        TreeSet<Integer> ports = edge.backendPorts(namespace);
        Map<String, String> labels = ProjectEdge.labels(edge.name(), GatewayObjects.COMPONENT);
        Manifest networkPolicy = Manifest.namespaced(NetworkPolicyParts.API_VERSION, NetworkPolicyParts.KIND,
                namespace, NAME, labels, Map.of(
                        "podSelector", NetworkPolicyParts.allPods(),
                        "policyTypes", List.of(INGRESS),
                        "ingress", List.of(NetworkPolicyParts.from(
                                List.of(NetworkPolicyParts.podsIn(edge.gatewayNamespace(), edge.gatewayPods())),
                                GatewayPolicies.ports(ports)))));
        Manifest authorization = Manifest.namespaced(IstioSecurity.API_VERSION, IstioSecurity.AUTHORIZATION_POLICY,
                namespace, NAME, labels, Map.of(
                        "action", "ALLOW",
                        "rules", List.of(Map.of(
                                "from", List.of(Map.of("source", Map.of("principals", List.of(edge.gatewayPrincipal())))),
                                "to", List.of(Map.of("operation", Map.of("ports",
                                        ports.stream().map(String::valueOf).toList())))))));
        List<Object> to = new ArrayList<>();
        services.keySet().forEach(service -> to.add(Map.of("group", "", "kind", "Service", "name", service)));
        Manifest grant = Manifest.namespaced(GatewayApi.V1BETA1, GatewayApi.REFERENCE_GRANT, namespace, NAME, labels,
                Map.of("from", List.of(Map.of("group", GatewayApi.GROUP, "kind", GatewayApi.HTTP_ROUTE,
                                "namespace", edge.gatewayNamespace())),
                        "to", to));
        return List.of(networkPolicy, authorization, grant);
    }
}
