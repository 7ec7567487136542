package dev.bulkhead.workload;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.ProjectSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy objects of each kind of trust, field by field. */
class AppPoliciesTest {

    private static final Map<String, Object> PROBES = Map.of("from", List.of(Map.of("ipBlock",
            Map.of("cidr", "169.254.7.127/32"))));
    private static final Map<String, Object> SHOP = Map.of("namespaceSelector", Map.of(
            "matchLabels", Map.of("bulkhead.dev/project", "shop"),
            "matchExpressions", List.of(Map.of("key", "bulkhead.dev/role", "operator", "NotIn",
                    "values", List.of("gateway")))));
    private static final Map<String, Object> HBONE = Map.of("protocol", "TCP", "port", 15008);

    private static Map<String, Object> podsOf(String namespace, String app) {
        return Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", namespace)),
                "podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", app)));
    }

    private static Manifest find(List<Manifest> manifests, String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in "
                        + manifests.stream().map(Manifest::id).toList()));
    }

    @Test
    void anAppEveryProjectAppMayCallNeedsNoPolicyOfItsOwn() {
        assertEquals(List.of(), AppPolicies.of(Apps.trust("reports")));
    }

    @Test
    void narrowedCallersAdmitOnlyTheirPodsProbesAndTheProjectOut() {
        List<Manifest> policies = AppPolicies.of(Apps.trust("catalog"));
        assertEquals(List.of("shop-api/NetworkPolicy/app-catalog", "shop-api/AuthorizationPolicy/app-catalog-callers"),
                policies.stream().map(Manifest::id).toList());
        Manifest network = policies.get(0);
        assertEquals(Map.of(
                "podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "catalog")),
                "policyTypes", List.of("Ingress", "Egress"),
                "ingress", List.of(PROBES, Map.of(
                        "from", List.of(podsOf("shop-web", "storefront"), podsOf("shop-api", "orders")),
                        "ports", List.of(Map.of("protocol", "TCP", "port", 8081), HBONE))),
                "egress", List.of(Map.of("to", List.of(SHOP)))), network.spec());
        assertEquals("workload", network.labels().get("bulkhead.dev/component"));
    }

    @Test
    void narrowedCallersAreEnforcedByIdentityWithADenyOfEveryoneElse() {
        Manifest deny = find(AppPolicies.of(Apps.trust("catalog")), "AuthorizationPolicy", "app-catalog-callers");
        assertEquals(Map.of(
                "selector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "catalog")),
                "action", "DENY",
                "rules", List.of(
                        Map.of("from", List.of(Map.of("source", Map.of("notPrincipals", List.of(
                                "cluster.local/ns/shop-web/sa/storefront",
                                "cluster.local/ns/shop-api/sa/orders",
                                "cluster.local/ns/monitoring/sa/prometheus"))))),
                        Map.of("from", List.of(Map.of("source", Map.of("principals", List.of(
                                        "cluster.local/ns/shop-web/sa/storefront",
                                        "cluster.local/ns/shop-api/sa/orders")))),
                                "to", List.of(Map.of("operation", Map.of("notPorts", List.of("8081"))))))),
                deny.spec());
    }

    @Test
    void anAppWithoutAppCallersAdmitsTheGatewayItsRouteNames() {
        List<Manifest> policies = AppPolicies.of(Apps.trust("storefront"));
        Manifest network = find(policies, "NetworkPolicy", "app-storefront");
        assertEquals(List.of(PROBES), network.spec().get("ingress"), "only probes: the gateway has allow-gateway");
        Manifest deny = find(policies, "AuthorizationPolicy", "app-storefront-callers");
        assertEquals(List.of(Map.of("from", List.of(Map.of("source", Map.of("notPrincipals", List.of(
                        "cluster.local/ns/shop-gateway/sa/shop-gateway-istio",
                        "cluster.local/ns/monitoring/sa/prometheus")))))),
                deny.spec().get("rules"));
    }

    @Test
    void l7AppPodsHearOnlyTheirWaypointAndTheWaypointOnlyTheCallersAndGateway() {
        List<Manifest> policies = AppPolicies.of(Apps.trust("orders"));
        Manifest pods = find(policies, "NetworkPolicy", "app-orders");
        assertEquals(List.of(PROBES, Map.of(
                        "from", List.of(Map.of("podSelector", Map.of("matchLabels",
                                Map.of("gateway.networking.k8s.io/gateway-name", "waypoint")))),
                        "ports", List.of(HBONE))),
                pods.spec().get("ingress"));
        Manifest waypoint = find(policies, "NetworkPolicy", "app-orders-waypoint");
        assertEquals(Map.of(
                "podSelector", Map.of("matchLabels", Map.of("gateway.networking.k8s.io/gateway-name", "waypoint")),
                "policyTypes", List.of("Ingress", "Egress"),
                "ingress", List.of(Map.of(
                        "from", List.of(podsOf("shop-web", "storefront"), podsOf("shop-api", "catalog"),
                                Map.of("namespaceSelector", Map.of("matchLabels",
                                                Map.of("kubernetes.io/metadata.name", "shop-gateway")),
                                        "podSelector", Map.of("matchLabels",
                                                Map.of("gateway.networking.k8s.io/gateway-name", "shop-gateway")))),
                        "ports", List.of(HBONE))),
                "egress", List.of(Map.of(
                        "to", List.of(Map.of("podSelector", Map.of("matchLabels",
                                Map.of("app.kubernetes.io/name", "orders")))),
                        "ports", List.of(HBONE)))), waypoint.spec());
    }

    @Test
    void l7AppsAdmitOnlyTheirWaypointAtL4() {
        Manifest deny = find(AppPolicies.of(Apps.trust("orders")), "AuthorizationPolicy", "app-orders-callers");
        assertEquals(List.of(
                Map.of("from", List.of(Map.of("source", Map.of("notPrincipals", List.of(
                        "cluster.local/ns/shop-api/sa/waypoint", "cluster.local/ns/monitoring/sa/prometheus"))))),
                Map.of("from", List.of(Map.of("source", Map.of("principals", List.of(
                                "cluster.local/ns/shop-api/sa/waypoint")))),
                        "to", List.of(Map.of("operation", Map.of("notPorts", List.of("8080")))))),
                deny.spec().get("rules"));
    }

    @Test
    void theWaypointAllowsEachCallerItsMethodsAndPathsBoundToTheService() {
        Manifest allow = find(AppPolicies.of(Apps.trust("orders")), "AuthorizationPolicy", "app-orders-l7");
        assertEquals(Map.of(
                "targetRefs", List.of(Map.of("group", "", "kind", "Service", "name", "orders")),
                "action", "ALLOW",
                "rules", List.of(
                        Map.of("from", List.of(Map.of("source", Map.of("principals",
                                        List.of("cluster.local/ns/shop-web/sa/storefront")))),
                                "to", List.of(Map.of("operation", Map.of("methods", List.of("GET", "POST"),
                                        "paths", List.of("/orders", "/orders/*"))))),
                        Map.of("from", List.of(Map.of("source", Map.of("principals",
                                List.of("cluster.local/ns/shop-api/sa/catalog"))))),
                        Map.of("from", List.of(Map.of("source", Map.of("principals",
                                List.of("cluster.local/ns/shop-gateway/sa/shop-gateway-istio"))))))),
                allow.spec());
        assertTrue(!allow.spec().containsKey("selector"),
                "a selector would hand an L7 rule to ztunnel, which denies all");
    }

    @Test
    void jwtIsValidatedAndRequiredOnItsPathsAtTheWaypoint() {
        List<Manifest> policies = AppPolicies.of(Apps.trust("orders"));
        Manifest authentication = find(policies, "RequestAuthentication", "app-orders-jwt");
        assertEquals(Map.of(
                "targetRefs", List.of(Map.of("group", "", "kind", "Service", "name", "orders")),
                "jwtRules", List.of(Map.of("issuer", "https://auth.example.com/",
                        "jwksUri", "https://keys.example.com/jwks.json", "audiences", List.of("shop"),
                        "forwardOriginalToken", true))), authentication.spec());
        Manifest required = find(policies, "AuthorizationPolicy", "app-orders-jwt");
        assertEquals(Map.of(
                "targetRefs", List.of(Map.of("group", "", "kind", "Service", "name", "orders")),
                "action", "DENY",
                "rules", List.of(Map.of(
                        "from", List.of(Map.of("source", Map.of("notRequestPrincipals", List.of("*")))),
                        "to", List.of(Map.of("operation", Map.of("paths", List.of("/orders/*"))))))),
                required.spec());
    }

    @Test
    void aJwtOnlyAppLetsEveryProjectIdentityThroughItsWaypoint() {
        AppSpec docs = AppSpec.builder("docs", "shop-web", Apps.image("docs"), 8080)
                .jwt(new dev.bulkhead.model.JwtSpec("issuer", "https://keys.example.com/jwks.json", List.of("docs"),
                        List.of()))
                .build();
        ProjectSpec shop = Apps.shop(List.of(docs));
        List<Manifest> policies = AppPolicies.of(new AppTrust(docs, shop, Apps.PLATFORM));
        Manifest allow = find(policies, "AuthorizationPolicy", "app-docs-l7");
        assertEquals(List.of(Map.of("from", List.of(Map.of("source", Map.of("principals", List.of(
                        "cluster.local/ns/shop-api/sa/*", "cluster.local/ns/shop-web/sa/*")))))),
                allow.spec().get("rules"));
        Manifest waypoint = find(policies, "NetworkPolicy", "app-docs-waypoint");
        assertEquals(List.of(Map.of("from", List.of(SHOP), "ports", List.of(HBONE))), waypoint.spec().get("ingress"));
        Manifest required = find(policies, "AuthorizationPolicy", "app-docs-jwt");
        assertEquals(List.of(Map.of("from", List.of(Map.of("source", Map.of("notRequestPrincipals", List.of("*")))))),
                required.spec().get("rules"), "no paths: every path needs a token");
    }

    @Test
    void theWaypointIsAnHboneGatewayForServices() {
        Manifest gateway = Waypoint.gateway("shop", "shop-api");
        assertEquals("shop-api/Gateway/waypoint", gateway.id());
        assertEquals("service", gateway.labels().get("istio.io/waypoint-for"));
        assertEquals(Map.of("gatewayClassName", "istio-waypoint",
                "listeners", List.of(Map.of("name", "mesh", "port", 15008, "protocol", "HBONE"))), gateway.spec());
    }

    @Test
    void callersMustBeAppsOfTheProjectAndTheAppInItsNamespaces() {
        AppSpec lonely = AppSpec.builder("lonely", "shop-web", Apps.image("lonely"), 8080)
                .callers(List.of("ghost")).build();
        var e = assertThrows(IllegalArgumentException.class,
                () -> new AppTrust(lonely, Apps.shop(List.of(lonely)), Apps.PLATFORM));
        assertEquals("app lonely: caller ghost is not an app of project shop", e.getMessage());
        AppSpec elsewhere = AppSpec.builder("elsewhere", "billing", Apps.image("elsewhere"), 8080).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> new AppTrust(elsewhere, Apps.shop(List.of(elsewhere)), Apps.PLATFORM));
        assertEquals("app elsewhere: namespace billing is not one of project shop's namespaces [shop-web, shop-api]",
                e.getMessage());
    }
}
