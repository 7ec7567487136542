package dev.bulkhead.egress;

import dev.bulkhead.netpol.Endpoint.External;
import dev.bulkhead.netpol.Endpoint.Pod;
import dev.bulkhead.netpol.NetworkPolicyEvaluator;
import dev.bulkhead.netpol.Protocol;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.testing.FlowAssertions;
import dev.bulkhead.testing.RenderedNetwork;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dev stack's egress, proven on the render: shop lists api.stripe.com and 116.203.255.68/32:443, analytics lists
 * *.googleapis.com, billing lists nothing.
 */
class EgressConnectivityTest {

    private static final Pod WAYPOINT = Pod.of(EgressWaypointPlan.NAMESPACE, EgressWaypointPlan.WAYPOINT_POD_LABELS);
    private static final External STRIPE_CIDR = new External("116.203.255.68");
    private static final External SOMEWHERE = new External("52.95.110.1");
    private static final Pod KUBE_DNS = Pod.of("kube-system", Map.of("k8s-app", "kube-dns"));

    private final List<RenderedResource> rendered = Stacks.rendered("dev");
    private final NetworkPolicyEvaluator evaluator = RenderedNetwork.evaluator(rendered);
    private final FlowAssertions flows = new FlowAssertions(evaluator);

    @Test
    void projectsWithHostsReachTheWaypointOverHboneOnly() {
        for (String ns : List.of("shop-web", "shop-api", "analytics", "analytics-jobs")) {
            flows.assertAllowed(Pod.of(ns), WAYPOINT, 15008);
            flows.assertDenied(Pod.of(ns), WAYPOINT, 443);
            flows.assertDenied(Pod.of(ns), WAYPOINT, 15021);
        }
    }

    @Test
    void noProjectPodGoesAroundTheWaypoint() {
        for (String ns : List.of("shop-web", "shop-api", "billing", "analytics", "analytics-jobs")) {
            flows.assertDenied(Pod.of(ns), SOMEWHERE, 443);
            flows.assertDenied(Pod.of(ns), new External("142.250.74.78"), 443);
        }
    }

    @Test
    void aCidrRuleOpensExactlyThatAddressAndPort() {
        for (String ns : List.of("shop-web", "shop-api")) {
            flows.assertAllowed(Pod.of(ns), STRIPE_CIDR, 443);
            flows.assertDenied(Pod.of(ns), STRIPE_CIDR, 80);
            flows.assertDenied(Pod.of(ns), STRIPE_CIDR, 443, Protocol.UDP);
            flows.assertDenied(Pod.of(ns), new External("116.203.255.69"), 443);
        }
        for (String ns : List.of("billing", "analytics", "analytics-jobs")) {
            flows.assertDenied(Pod.of(ns), STRIPE_CIDR, 443);
        }
    }

    @Test
    void aProjectWithoutEgressReachesNothingOutsideButDns() {
        Pod billing = Pod.of("billing");
        flows.assertDenied(billing, WAYPOINT, 15008);
        flows.assertAllowed(billing, KUBE_DNS, 53, Protocol.UDP);
        flows.assertAllowed(billing, KUBE_DNS, 53, Protocol.TCP);
        for (int port : List.of(53, 80, 443, 8080)) {
            flows.assertDenied(billing, SOMEWHERE, port);
            flows.assertDenied(billing, STRIPE_CIDR, port);
        }
        flows.assertDenied(billing, new External("8.8.8.8"), 53, Protocol.UDP);
    }

    @Test
    void theWaypointAdmitsOnlyUsersAndLeavesOnlyOnTheEntriesPorts() {
        flows.assertDenied(Pod.of("billing"), WAYPOINT, 15008);
        flows.assertDenied(Pod.of("kube-system"), WAYPOINT, 15008);
        flows.assertAllowed(WAYPOINT, SOMEWHERE, 443);
        flows.assertDenied(WAYPOINT, SOMEWHERE, 80);
        flows.assertDenied(WAYPOINT, SOMEWHERE, 22);
        // never into the VPC (10.40.0.0/16) or the Service range
        flows.assertDenied(WAYPOINT, new External("10.40.3.7"), 443);
        flows.assertDenied(WAYPOINT, new External("172.20.0.10"), 443);
        // nor the instance metadata service, nor any private range
        flows.assertDenied(WAYPOINT, new External("169.254.169.254"), 443);
        flows.assertDenied(WAYPOINT, new External("192.168.1.1"), 443);
        flows.assertDenied(WAYPOINT, new External("100.64.0.1"), 443);
        flows.assertDenied(WAYPOINT, Pod.of("billing"), 8080);
    }

    @Test
    void theWaypointAdmitsEachHostOnlyForTheProjectsThatListIt() {
        assertEquals(List.of("cluster.local/ns/shop-api/sa/*", "cluster.local/ns/shop-web/sa/*"),
                principals("allow-api-stripe-com"));
        String googleapis = "allow-" + EgressWaypointPlan.slug("*.googleapis.com");
        assertEquals(List.of("cluster.local/ns/analytics-jobs/sa/*", "cluster.local/ns/analytics/sa/*"),
                principals(googleapis));
        for (String name : List.of("allow-api-stripe-com", googleapis)) {
            assertTrue(principals(name).stream().noneMatch(p -> p.contains("/ns/billing/")), name);
        }
    }

    @Test
    void everyHostIsBoundToTheWaypoint() {
        List<RenderedResource> entries = rendered.stream()
                .filter(r -> r.type().equals("kubernetes:networking.istio.io/v1:ServiceEntry")).toList();
        // api.stripe.com, *.googleapis.com, and auth.example.com where orders' JWT keys are served
        assertEquals(3, entries.size());
        for (RenderedResource entry : entries) {
            Map<?, ?> metadata = (Map<?, ?>) entry.inputs().get("metadata");
            assertEquals(EgressWaypointPlan.WAYPOINT, ((Map<?, ?>) metadata.get("labels")).get("istio.io/use-waypoint"));
            assertEquals(EgressWaypointPlan.NAMESPACE, metadata.get("namespace"));
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> principals(String policy) {
        RenderedResource resource = rendered.stream()
                .filter(r -> r.type().equals("kubernetes:security.istio.io/v1:AuthorizationPolicy"))
                .filter(r -> policy.equals(((Map<?, ?>) r.inputs().get("metadata")).get("name")))
                .findFirst().orElseThrow();
        Map<String, Object> spec = (Map<String, Object>) resource.inputs().get("spec");
        List<String> principals = new ArrayList<>();
        for (Object rule : (List<Object>) spec.get("rules")) {
            for (Object from : (List<Object>) ((Map<String, Object>) rule).get("from")) {
                Map<String, Object> source = (Map<String, Object>) ((Map<String, Object>) from).get("source");
                principals.addAll((List<String>) source.get("principals"));
            }
        }
        return principals.stream().sorted().toList();
    }
}
