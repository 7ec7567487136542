package dev.bulkhead.workload;

import dev.bulkhead.netpol.Endpoint;
import dev.bulkhead.testing.FlowAssertions;
import dev.bulkhead.testing.RenderedNetwork;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * Per-app trust at the network level, proven with the NetworkPolicy evaluator over the rendered dev stack. Its pods are
 * described as the program renders them: labelled with their app's name, and with {@code bulkhead.dev/trust} when
 * their callers are narrowed. In dev, {@code catalog} admits only {@code storefront} and {@code orders};
 * {@code storefront} admits no app (only the gateway and the scraper); {@code orders} has L7 rules, so its pods admit
 * only shop-api's waypoint, which admits only {@code storefront} and the gateway.
 */
class AppConnectivityTest {

    private final FlowAssertions flows = new FlowAssertions(RenderedNetwork.evaluator(Stacks.rendered("dev")));

    private static Endpoint.Pod app(String namespace, String name, String trust) {
        return trust == null
                ? Endpoint.Pod.of(namespace, Map.of("app.kubernetes.io/name", name))
                : Endpoint.Pod.of(namespace, Map.of("app.kubernetes.io/name", name, "bulkhead.dev/trust", trust));
    }

    private static final Endpoint.Pod STOREFRONT = app("shop-web", "storefront", "callers");
    private static final Endpoint.Pod CATALOG = app("shop-api", "catalog", "callers");
    private static final Endpoint.Pod ORDERS = app("shop-api", "orders", "waypoint");
    /** A pod of an app every project app may call (or no app at all): the project-wide policies apply to it. */
    private static final Endpoint.Pod OTHER_WEB = app("shop-web", "reports", null);
    private static final Endpoint.Pod OTHER_API = app("shop-api", "search", null);
    private static final Endpoint.Pod WAYPOINT = Endpoint.Pod.of("shop-api",
            Map.of("gateway.networking.k8s.io/gateway-name", "waypoint"));
    private static final Endpoint.Pod GATEWAY = Endpoint.Pod.of("shop-gateway",
            Map.of("gateway.networking.k8s.io/gateway-name", "shop-gateway"));
    private static final Endpoint.Pod PROMETHEUS = Endpoint.Pod.of("monitoring",
            Map.of("app.kubernetes.io/name", "prometheus"));
    private static final Endpoint.Pod INVOICER = app("billing", "invoicer", null);
    private static final Endpoint.Pod ISTIOD = Endpoint.Pod.of("istio-system", Map.of("app", "istiod"));
    private static final Endpoint.Pod EGRESS_WAYPOINT = Endpoint.Pod.of("bulkhead-egress",
            Map.of("gateway.networking.k8s.io/gateway-name", "egress-waypoint"));
    private static final Endpoint.External PROBE = new Endpoint.External("169.254.7.127");

    @Test
    void aNarrowedAppHearsItsCallersAndNoOtherProjectPod() {
        flows.assertAllowed(STOREFRONT, CATALOG, 15008);
        flows.assertAllowed(STOREFRONT, CATALOG, 8080);
        flows.assertAllowed(ORDERS, CATALOG, 15008);
        for (Endpoint.Pod stranger : new Endpoint.Pod[] {OTHER_WEB, OTHER_API, WAYPOINT}) {
            flows.assertDenied(stranger, CATALOG, 15008);
            flows.assertDenied(stranger, CATALOG, 8080);
        }
        flows.assertDenied(INVOICER, CATALOG, 15008);
    }

    @Test
    void theProjectWideAllowanceStillHoldsForAppsThatDidNotNarrowIt() {
        flows.assertAllowed(OTHER_WEB, OTHER_API, 8080);
        flows.assertAllowed(OTHER_API, OTHER_WEB, 15008);
        flows.assertAllowed(CATALOG, OTHER_WEB, 15008);
        flows.assertAllowed(STOREFRONT, OTHER_API, 15008);
    }

    @Test
    void anAppWithoutAppCallersHearsOnlyTheGatewayTheScraperAndProbes() {
        flows.assertDenied(OTHER_WEB, STOREFRONT, 8080);
        flows.assertDenied(OTHER_WEB, STOREFRONT, 15008);
        flows.assertDenied(CATALOG, STOREFRONT, 15008);
        flows.assertAllowed(GATEWAY, STOREFRONT, 8080);
        flows.assertAllowed(GATEWAY, STOREFRONT, 15008);
        flows.assertAllowed(PROMETHEUS, STOREFRONT, 9090);
        flows.assertDenied(PROMETHEUS, STOREFRONT, 8080);
        flows.assertAllowed(PROBE, STOREFRONT, 8080);
    }

    @Test
    void anL7AppIsReachedOnlyThroughItsWaypoint() {
        flows.assertDenied(STOREFRONT, ORDERS, 15008);
        flows.assertDenied(STOREFRONT, ORDERS, 8080);
        flows.assertDenied(OTHER_API, ORDERS, 15008);
        flows.assertAllowed(WAYPOINT, ORDERS, 15008);
        flows.assertDenied(WAYPOINT, ORDERS, 8080);
        flows.assertAllowed(PROBE, ORDERS, 8080);
    }

    @Test
    void theWaypointHearsOnlyTheCallersAndTheGatewayOnHbone() {
        flows.assertAllowed(STOREFRONT, WAYPOINT, 15008);
        flows.assertAllowed(GATEWAY, WAYPOINT, 15008);
        flows.assertDenied(STOREFRONT, WAYPOINT, 8080);
        flows.assertDenied(OTHER_WEB, WAYPOINT, 15008);
        flows.assertDenied(OTHER_API, WAYPOINT, 15008);
        flows.assertDenied(CATALOG, WAYPOINT, 15008);
        flows.assertDenied(INVOICER, WAYPOINT, 15008);
    }

    @Test
    void theWaypointReachesItsAppAndIstiodAndNothingElse() {
        flows.assertAllowed(WAYPOINT, ISTIOD, 15012);
        flows.assertDenied(WAYPOINT, CATALOG, 15008);
        flows.assertDenied(WAYPOINT, OTHER_API, 15008);
        flows.assertDenied(WAYPOINT, STOREFRONT, 15008);
        flows.assertDenied(WAYPOINT, EGRESS_WAYPOINT, 15008);
        flows.assertDenied(WAYPOINT, new Endpoint.External("116.203.255.68"), 443);
        flows.assertDenied(WAYPOINT, new Endpoint.External("198.51.100.10"), 443);
    }

    @Test
    void narrowedAppsKeepTheirWaysOut() {
        flows.assertAllowed(STOREFRONT, EGRESS_WAYPOINT, 15008);
        flows.assertAllowed(ORDERS, new Endpoint.External("116.203.255.68"), 443);
        flows.assertAllowed(CATALOG, Endpoint.Pod.of("kube-system", Map.of("k8s-app", "kube-dns")), 53);
    }
}
