package dev.bulkhead.ingress;

import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.mesh.IstioSecurity;
import dev.bulkhead.naming.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;
import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * What the gateway's pods may do, beyond DNS, istiod and scraping: hear from the ALB's subnets on the public
 * listener and the health port, and send to the routed services' namespaces on the routed ports (and HBONE, which
 * is how the gateway reaches ambient backends) and nowhere else.
 */
public final class GatewayPolicies {

    public static final String ALLOW_LOAD_BALANCER = "allow-load-balancer";
    public static final String ALLOW_ROUTES = "allow-routes";

    private GatewayPolicies() {
    }

    /**
     * Ingress from the public subnets' CIDRs to the gateway pods on {@link GatewayPorts#PUBLIC} and
     * {@link GatewayPorts#HEALTH}; absent without ingress or without public subnets (nothing is then admitted).
     */
    public static Optional<Manifest> loadBalancer(ProjectEdge edge) {
        if (edge.project().ingress().isEmpty() || edge.publicSubnetCidrs().isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> peers = edge.publicSubnetCidrs().stream().map(NetworkPolicyParts::ipBlock).toList();
        return Optional.of(Manifest.namespaced(NetworkPolicyParts.API_VERSION, NetworkPolicyParts.KIND,
                edge.gatewayNamespace(), ALLOW_LOAD_BALANCER, ProjectEdge.labels(edge.name(), GatewayObjects.COMPONENT),
                Map.of("podSelector", NetworkPolicyParts.matchLabels(edge.gatewayPods()),
                        "policyTypes", List.of(INGRESS),
                        "ingress", List.of(NetworkPolicyParts.from(peers, List.of(
                                NetworkPolicyParts.tcp(GatewayPorts.PUBLIC),
                                NetworkPolicyParts.tcp(GatewayPorts.HEALTH)))))));
    }

    /** Egress from the gateway pods to each routed namespace, on its routed ports and HBONE only. */
    public static Optional<Manifest> routes(ProjectEdge edge) {
        List<Object> rules = new ArrayList<>();
        for (String namespace : edge.backends().keySet()) {
            rules.add(NetworkPolicyParts.to(
                    List.of(NetworkPolicyParts.namespaces(Map.of(Labels.NAMESPACE_NAME, namespace))),
                    ports(edge.backendPorts(namespace))));
        }
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Manifest.namespaced(NetworkPolicyParts.API_VERSION, NetworkPolicyParts.KIND,
                edge.gatewayNamespace(), ALLOW_ROUTES, ProjectEdge.labels(edge.name(), GatewayObjects.COMPONENT),
                Map.of("podSelector", NetworkPolicyParts.matchLabels(edge.gatewayPods()),
                        "policyTypes", List.of(EGRESS),
                        "egress", rules)));
    }

    /**
     * The gateway's public listener admits any caller: ALB connections carry no mesh identity. The NetworkPolicy
     * above is what holds that listener to the ALB's subnets.
     */
    public static Optional<Manifest> loadBalancerAuthorization(ProjectEdge edge) {
        if (edge.project().ingress().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Manifest.namespaced(IstioSecurity.API_VERSION, IstioSecurity.AUTHORIZATION_POLICY,
                edge.gatewayNamespace(), ALLOW_LOAD_BALANCER, ProjectEdge.labels(edge.name(), GatewayObjects.COMPONENT),
                Map.of("targetRefs", List.of(gatewayRef(edge)),
                        "action", "ALLOW",
                        "rules", List.of(Map.of("to", List.of(Map.of("operation",
                                Map.of("ports", List.of(String.valueOf(GatewayPorts.PUBLIC))))))))));
    }

    /** A policy target naming the project's Gateway. */
    static Map<String, Object> gatewayRef(ProjectEdge edge) {
        return Map.of("group", GatewayApi.GROUP, "kind", GatewayApi.GATEWAY, "name", edge.gatewayName());
    }

    /** TCP rules for {@code ports} plus HBONE. */
    static List<Map<String, Object>> ports(TreeSet<Integer> ports) {
        TreeSet<Integer> all = new TreeSet<>(ports);
        all.add(Ambient.HBONE_PORT);
        return all.stream().map(NetworkPolicyParts::tcp).toList();
    }
}
