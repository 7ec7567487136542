package dev.bulkhead.ingress;

import dev.bulkhead.isolation.AllowAmbient;
import dev.bulkhead.isolation.AllowSameProject;
import dev.bulkhead.isolation.Compartment;
import dev.bulkhead.isolation.CompartmentPlan;
import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.mesh.ProjectAuthorization;
import dev.bulkhead.naming.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes side of a project's edge, as plain data: the sealed gateway namespace and what the project's other
 * namespaces hold for the gateway (as backends) and for other projects' exports (as consumers).
 */
public final class IngressPlans {

    /** Objects of the standard compartment the gateway namespace does not get: it is not a member of the project. */
    private static final Set<String> NOT_FOR_THE_GATEWAY = Set.of(
            NetworkPolicyParts.KIND + "/" + AllowSameProject.NAME,
            NetworkPolicyParts.KIND + "/" + AllowAmbient.NAME,
            "AuthorizationPolicy/" + ProjectAuthorization.NAME);

    private IngressPlans() {
    }

    /**
     * The gateway namespace {@code <project>-gateway}: labelled with the project and {@code bulkhead.dev/role=gateway},
     * closed by the same guards as every namespace, then opened only to the ALB, the routed services, the export
     * consumers, DNS, istiod and the scraper. Absent when the project has neither ingress nor exports.
     */
    public static Optional<CompartmentPlan> gateway(ProjectEdge edge) {
        if (!edge.hasGateway()) {
            return Optional.empty();
        }
        // the scraper reaches the gateway's own metrics, never the ports the project's apps expose
        Compartment compartment = Compartment.of(edge.project(), edge.platform(), edge.gatewayNamespace())
                .withMetricsPorts(List.of(GatewayPorts.METRICS));
        CompartmentPlan standard = CompartmentPlan.of(compartment);
        List<Manifest> contents = new ArrayList<>();
        for (Manifest manifest : standard.contents()) {
            if (!NOT_FOR_THE_GATEWAY.contains(manifest.kind() + "/" + manifest.name())) {
                contents.add(manifest);
            }
        }
        GatewayPolicies.loadBalancer(edge).ifPresent(contents::add);
        GatewayPolicies.routes(edge).ifPresent(contents::add);
        GatewayPolicies.loadBalancerAuthorization(edge).ifPresent(contents::add);
        contents.add(GatewayObjects.gateway(edge));
        contents.addAll(GatewayObjects.routes(edge));
        for (ExportSpec export : edge.project().exports()) {
            contents.addAll(Exports.of(edge, export));
        }
        Manifest namespace = standard.namespace().withLabels(Map.of(Labels.ROLE, Labels.ROLE_GATEWAY));
        return Optional.of(new CompartmentPlan(namespace, standard.guards(), contents));
    }

    /** What the project's own {@code namespace} holds for its gateway and for the exports it consumes. */
    public static List<Manifest> workloadNamespace(ProjectEdge edge, String namespace) {
        List<Manifest> extra = new ArrayList<>(BackendAccess.of(edge, namespace));
        ConsumerAccess.of(edge.project(), edge.allProjects(), namespace).ifPresent(extra::add);
        return extra;
    }
}
