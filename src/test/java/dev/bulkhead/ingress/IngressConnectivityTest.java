package dev.bulkhead.ingress;

import dev.bulkhead.config.StackSettings;
import dev.bulkhead.model.ProjectSpec;
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

/**
 * The edge of the dev stack, proven with the NetworkPolicy evaluator over the rendered policies: shop has an ALB
 * route to shop-web/storefront:8080 and exports shop-api/orders:8080 to billing; analytics consumes nothing.
 */
class IngressConnectivityTest {

    private static final int APP = 8080;
    private static final int HBONE = 15008;
    private static final int PUBLIC = GatewayPorts.PUBLIC;
    private static final int HEALTH = GatewayPorts.HEALTH;
    /** shop's first (and only) export, orders. */
    private static final int ORDERS = GatewayPorts.export("orders");
    private static final List<Integer> PROBED = List.of(APP, HBONE, PUBLIC, HEALTH, ORDERS, 53, 443, 5432, 15020);

    private final StackSettings settings = Stacks.settings("dev");
    private final List<RenderedResource> rendered = Stacks.rendered("dev");
    private final NetworkPolicyEvaluator evaluator = RenderedNetwork.evaluator(rendered);
    private final FlowAssertions flows = new FlowAssertions(evaluator);

    private final Pod shopGateway = Pod.of("shop-gateway", Map.of("gateway.networking.k8s.io/gateway-name", "shop-gateway"));
    private final External internet = new External("198.51.100.10");

    @Test
    void theDevStackHasTheEdgeTheseTestsAssume() {
        ProjectSpec shop = settings.projects().get(0);
        assertEquals("shop-web/storefront", shop.ingress().orElseThrow().routes().get(0).service().toString());
        assertEquals(APP, shop.ingress().orElseThrow().routes().get(0).port());
        assertEquals("orders", shop.exports().get(0).name());
        assertEquals(List.of("billing"), shop.exports().get(0).consumers());
        assertEquals(3, publicSubnetAddresses().size());
    }

    @Test
    void thePublicSubnetsReachTheGatewayOnItsPublicAndHealthPortsOnly() {
        for (String alb : publicSubnetAddresses()) {
            External from = new External(alb);
            flows.assertAllowed(from, shopGateway, PUBLIC);
            flows.assertAllowed(from, shopGateway, HEALTH);
            for (int port : List.of(HBONE, ORDERS, APP, 15020, 15000)) {
                flows.assertDenied(from, shopGateway, port);
            }
            for (String ns : allProjectNamespaces()) {
                for (int port : PROBED) {
                    flows.assertDenied(from, Pod.of(ns), port);
                }
            }
        }
    }

    @Test
    void theInternetReachesNoPodNotEvenTheGateway() {
        for (int port : PROBED) {
            flows.assertDenied(internet, shopGateway, port);
            for (String ns : allProjectNamespaces()) {
                flows.assertDenied(internet, Pod.of(ns), port);
            }
        }
    }

    @Test
    void theGatewayReachesItsRoutedAndExportedServicesOnTheirPortsAndNothingElse() {
        flows.assertAllowed(shopGateway, Pod.of("shop-web"), APP);
        flows.assertAllowed(shopGateway, Pod.of("shop-web"), HBONE);
        flows.assertAllowed(shopGateway, Pod.of("shop-api"), APP);
        flows.assertAllowed(shopGateway, Pod.of("shop-api"), HBONE);
        for (int port : List.of(5432, 443, 15020, 9090)) {
            flows.assertDenied(shopGateway, Pod.of("shop-web"), port);
            flows.assertDenied(shopGateway, Pod.of("shop-api"), port);
        }
        for (String ns : List.of("billing", "analytics", "analytics-jobs", "default")) {
            for (int port : PROBED) {
                flows.assertDenied(shopGateway, Pod.of(ns), port);
            }
        }
        flows.assertDenied(shopGateway, internet, 443);
        flows.assertAllowed(shopGateway, Pod.of("kube-system", Map.of("k8s-app", "kube-dns")), 53, Protocol.UDP);
        flows.assertAllowed(shopGateway, Pod.of("istio-system", Map.of("app", "istiod")), 15012);
    }

    @Test
    void theGatewayIsNoLongerAMemberOfItsProject() {
        for (String ns : List.of("shop-web", "shop-api")) {
            for (int port : List.of(PUBLIC, ORDERS, 5432)) {
                flows.assertDenied(Pod.of(ns), shopGateway, port);
            }
            // the gateway's other pods (none today) and any pod in its namespace get nothing from the project
            flows.assertDenied(Pod.of(ns), Pod.of("shop-gateway"), HBONE);
            flows.assertDenied(Pod.of("shop-gateway"), Pod.of(ns), APP);
        }
    }

    @Test
    void aConsumerReachesTheExportingGatewayOnTheExportPortAndNothingElseOfTheExporter() {
        Pod billing = Pod.of("billing");
        flows.assertAllowed(billing, shopGateway, ORDERS);
        flows.assertAllowed(billing, shopGateway, HBONE);
        flows.assertDenied(billing, shopGateway, PUBLIC);
        flows.assertDenied(billing, shopGateway, HEALTH);
        flows.assertDenied(billing, Pod.of("shop-gateway"), ORDERS);
        for (String ns : List.of("shop-web", "shop-api")) {
            for (int port : PROBED) {
                flows.assertDenied(billing, Pod.of(ns), port);
            }
        }
    }

    @Test
    void aNonConsumerReachesNothingOfTheExporter() {
        for (String ns : List.of("analytics", "analytics-jobs")) {
            for (int port : PROBED) {
                flows.assertDenied(Pod.of(ns), shopGateway, port);
                flows.assertDenied(Pod.of(ns), Pod.of("shop-web"), port);
                flows.assertDenied(Pod.of(ns), Pod.of("shop-api"), port);
            }
        }
    }

    /** One address inside each public subnet, read from the rendered subnets tagged for internet-facing ELBs. */
    private List<String> publicSubnetAddresses() {
        List<String> addresses = new ArrayList<>();
        for (RenderedResource r : rendered) {
            if (r.type().equals("aws:ec2/subnet:Subnet") && r.inputs().get("tags") instanceof Map<?, ?> tags
                    && "1".equals(tags.get("kubernetes.io/role/elb"))) {
                String cidr = (String) r.inputs().get("cidrBlock");
                String[] octets = cidr.substring(0, cidr.indexOf('/')).split("\\.");
                addresses.add(octets[0] + "." + octets[1] + "." + octets[2] + "." + (Integer.parseInt(octets[3]) + 10));
            }
        }
        return addresses;
    }

    private List<String> allProjectNamespaces() {
        return settings.projects().stream().flatMap(p -> p.namespaces().stream()).toList();
    }
}
