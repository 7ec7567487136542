package dev.bulkhead.ingress;

import dev.bulkhead.isolation.CompartmentPlan;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.model.IngressSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.QuotaSpec;
import dev.bulkhead.model.RouteSpec;
import dev.bulkhead.model.ServiceRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway namespace and what the project's namespaces hold for the gateway and for exports, as plain data. */
class IngressPlansTest {

    private static final PlatformSpec PLATFORM = new PlatformSpec("cluster.local", "monitoring", List.of());
    private static final List<String> PUBLIC_CIDRS = List.of("10.40.96.0/24", "10.40.97.0/24");
    private static final String CERTIFICATE =
            "arn:aws:acm:eu-west-1:111122223333:certificate/11111111-2222-3333-4444-555555555555";

    private static final ProjectSpec SHOP = project("shop", List.of("shop-web", "shop-api"),
            Optional.of(new IngressSpec(CERTIFICATE, IngressSpec.DEFAULT_TLS_POLICY, Optional.empty(), List.of(
                    new RouteSpec("shop.example.com", "/", new ServiceRef("shop-web", "storefront"), 8080),
                    new RouteSpec("shop.example.com", "/api", new ServiceRef("shop-api", "api"), 9000)))),
            List.of(new ExportSpec("orders", new ServiceRef("shop-api", "orders"), 8080, List.of("billing")),
                    new ExportSpec("stock", new ServiceRef("shop-api", "stock"), 7000, List.of("billing", "audit"))));
    private static final ProjectSpec BILLING = project("billing", List.of("billing", "billing-jobs"),
            Optional.empty(), List.of());
    private static final ProjectSpec AUDIT = project("audit", List.of("audit"), Optional.empty(),
            List.of(new ExportSpec("reports", new ServiceRef("audit", "reports"), 8080, List.of("billing"))));
    private static final List<ProjectSpec> ALL = List.of(SHOP, BILLING, AUDIT);
    private static final int ORDERS = GatewayPorts.export("orders");
    private static final int STOCK = GatewayPorts.export("stock");

    @Test
    void theGatewayNamespaceIsSealedAndLabelledAsTheProjectsGateway() {
        CompartmentPlan plan = IngressPlans.gateway(edge(SHOP)).orElseThrow();
        assertEquals("shop-gateway", plan.namespace().name());
        assertEquals("shop", plan.namespace().labels().get("bulkhead.dev/project"));
        assertEquals("gateway", plan.namespace().labels().get("bulkhead.dev/role"));
        assertEquals("ambient", plan.namespace().labels().get("istio.io/dataplane-mode"));
        assertEquals(List.of("NetworkPolicy/default-deny", "PeerAuthentication/strict-mtls", "AuthorizationPolicy/allow-nothing"),
                plan.guards().stream().map(m -> m.kind() + "/" + m.name()).toList());
        List<String> contents = plan.contents().stream().map(m -> m.kind() + "/" + m.name()).toList();
        assertFalse(contents.contains("NetworkPolicy/allow-same-project"), contents.toString());
        assertFalse(contents.contains("NetworkPolicy/allow-ambient"), contents.toString());
        assertFalse(contents.contains("AuthorizationPolicy/allow-same-project"), contents.toString());
        assertTrue(contents.containsAll(List.of("NetworkPolicy/allow-dns", "NetworkPolicy/allow-istiod",
                "NetworkPolicy/allow-load-balancer", "NetworkPolicy/allow-routes", "Gateway/shop-gateway")), contents.toString());
    }

    @Test
    void theGatewayIsIstioClassWithAClusterIpServiceOneHttpsListenerAndOneListenerPerExport() {
        Manifest gateway = find(IngressPlans.gateway(edge(SHOP)).orElseThrow().contents(), "Gateway", "shop-gateway");
        assertEquals("istio", gateway.spec().get("gatewayClassName"));
        assertEquals(Map.of("networking.istio.io/service-type", "ClusterIP"), gateway.annotations());
        var listeners = (List<?>) gateway.spec().get("listeners");
        assertEquals(3, listeners.size());
        var https = (Map<?, ?>) listeners.get(0);
        // the ALB sends no SNI: a listener bound to a hostname would match none of its connections
        assertFalse(https.containsKey("hostname"));
        assertEquals(8443, https.get("port"));
        assertEquals("HTTPS", https.get("protocol"));
        assertEquals(Map.of("mode", "Terminate", "certificateRefs",
                List.of(Map.of("group", "", "kind", "Secret", "name", "shop-gateway-tls"))), https.get("tls"));
        assertEquals(List.of(ORDERS, STOCK), listeners.subList(1, 3).stream().map(l -> ((Map<?, ?>) l).get("port")).toList());
        listeners.forEach(l -> assertEquals(Map.of("namespaces", Map.of("from", "Same")), ((Map<?, ?>) l).get("allowedRoutes")));
    }

    @Test
    void oneHttpRoutePerRouteToItsServiceAndPort() {
        List<Manifest> routes = IngressPlans.gateway(edge(SHOP)).orElseThrow().contents().stream()
                .filter(m -> m.kind().equals("HTTPRoute") && m.name().startsWith("route-")).toList();
        assertEquals(2, routes.size());
        Manifest api = routes.get(1);
        assertEquals(List.of("shop.example.com"), api.spec().get("hostnames"));
        assertEquals(List.of(Map.of("name", "shop-gateway", "sectionName", "https")), api.spec().get("parentRefs"));
        assertEquals(List.of(Map.of(
                        "matches", List.of(Map.of("path", Map.of("type", "PathPrefix", "value", "/api"))),
                        "backendRefs", List.of(Map.of("name", "api", "namespace", "shop-api", "port", 9000)))),
                api.spec().get("rules"));
    }

    @Test
    void aRoutedNamespaceAdmitsTheGatewayOnItsRoutedPortsAndGrantsOnlyItsRoutedServices() {
        List<Manifest> api = IngressPlans.workloadNamespace(edge(SHOP), "shop-api");
        Manifest authorization = find(api, "AuthorizationPolicy", "allow-gateway");
        assertEquals(Map.of("action", "ALLOW", "rules", List.of(Map.of(
                        "from", List.of(Map.of("source", Map.of("principals",
                                List.of("cluster.local/ns/shop-gateway/sa/shop-gateway-istio")))),
                        "to", List.of(Map.of("operation", Map.of("ports", List.of("7000", "8080", "9000"))))))),
                authorization.spec());
        Manifest grant = find(api, "ReferenceGrant", "allow-gateway");
        assertEquals(List.of(Map.of("group", "gateway.networking.k8s.io", "kind", "HTTPRoute", "namespace", "shop-gateway")),
                grant.spec().get("from"));
        assertEquals(List.of("api", "orders", "stock"),
                ((List<?>) grant.spec().get("to")).stream().map(t -> ((Map<?, ?>) t).get("name")).toList());
        Manifest web = find(IngressPlans.workloadNamespace(edge(SHOP), "shop-web"), "NetworkPolicy", "allow-gateway");
        assertEquals(List.of(Map.of("protocol", "TCP", "port", 8080), Map.of("protocol", "TCP", "port", 15008)),
                ((Map<?, ?>) ((List<?>) web.spec().get("ingress")).get(0)).get("ports"));
    }

    @Test
    void anExportAdmitsExactlyItsConsumersIdentitiesAndCarriesTheExportMarkers() {
        List<Manifest> contents = IngressPlans.gateway(edge(SHOP)).orElseThrow().contents();
        Manifest authorization = find(contents, "AuthorizationPolicy", "export-stock");
        assertEquals(List.of(Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "name", "shop-gateway")),
                authorization.spec().get("targetRefs"));
        var rule = (Map<?, ?>) ((List<?>) authorization.spec().get("rules")).get(0);
        assertEquals(List.of(Map.of("source", Map.of("principals", List.of("cluster.local/ns/audit/sa/*",
                "cluster.local/ns/billing-jobs/sa/*", "cluster.local/ns/billing/sa/*")))), rule.get("from"));
        assertEquals(List.of(Map.of("operation", Map.of("ports", List.of(String.valueOf(STOCK))))), rule.get("to"));
        Manifest policy = find(contents, "NetworkPolicy", "export-stock");
        assertEquals("export", policy.labels().get("bulkhead.dev/component"));
        assertEquals(Map.of("bulkhead.dev/export", "stock", "bulkhead.dev/consumers", "billing,audit"), policy.annotations());
        Manifest service = find(contents, "Service", "stock");
        assertEquals(List.of(Map.of("name", "http", "protocol", "TCP", "port", 80, "targetPort", STOCK)),
                service.spec().get("ports"));
        assertEquals(Map.of("gateway.networking.k8s.io/gateway-name", "shop-gateway"), service.spec().get("selector"));
    }

    @Test
    void aConsumerNamespaceMayReachEachExportingGatewayOnlyOnTheExportsNamingItsProject() {
        Manifest billing = find(IngressPlans.workloadNamespace(edge(BILLING), "billing"), "NetworkPolicy", "allow-exports");
        var egress = (List<?>) billing.spec().get("egress");
        assertEquals(2, egress.size());
        assertTrue(ORDERS < STOCK, "ports are listed in order");
        assertEquals(List.of(Map.of("protocol", "TCP", "port", ORDERS), Map.of("protocol", "TCP", "port", STOCK),
                Map.of("protocol", "TCP", "port", 15008)), ((Map<?, ?>) egress.get(0)).get("ports"));
        Manifest audit = find(IngressPlans.workloadNamespace(edge(AUDIT), "audit"), "NetworkPolicy", "allow-exports");
        assertEquals(List.of(Map.of("protocol", "TCP", "port", STOCK), Map.of("protocol", "TCP", "port", 15008)),
                ((Map<?, ?>) ((List<?>) audit.spec().get("egress")).get(0)).get("ports"));
    }

    @Test
    void aProjectWithExportsButNoIngressGetsAGatewayWithoutAPublicListener() {
        List<Manifest> contents = IngressPlans.gateway(edge(AUDIT)).orElseThrow().contents();
        Manifest gateway = find(contents, "Gateway", "audit-gateway");
        var listeners = (List<?>) gateway.spec().get("listeners");
        assertEquals(1, listeners.size());
        assertEquals("HTTP", ((Map<?, ?>) listeners.get(0)).get("protocol"));
        assertTrue(contents.stream().noneMatch(m -> m.name().equals("allow-load-balancer")));
    }

    @Test
    void aProjectWithNeitherIngressNorExportsHasNoGateway() {
        assertTrue(IngressPlans.gateway(edge(BILLING)).isEmpty());
        assertTrue(IngressPlans.workloadNamespace(edge(BILLING), "billing-jobs").stream()
                .noneMatch(m -> m.name().equals("allow-gateway")));
    }

    @Test
    void withoutPublicSubnetsNothingOutsideTheClusterIsAdmitted() {
        var edge = new ProjectEdge(SHOP, PLATFORM, ALL, List.of());
        assertTrue(GatewayPolicies.loadBalancer(edge).isEmpty());
        var withCidrs = GatewayPolicies.loadBalancer(edge(SHOP)).orElseThrow();
        var from = (List<?>) ((Map<?, ?>) ((List<?>) withCidrs.spec().get("ingress")).get(0)).get("from");
        assertEquals(List.of(Map.of("ipBlock", Map.of("cidr", "10.40.96.0/24")), Map.of("ipBlock", Map.of("cidr", "10.40.97.0/24"))),
                from);
        assertThrows(IllegalArgumentException.class, () -> GatewayPolicies.loadBalancer(
                new ProjectEdge(SHOP, PLATFORM, ALL, List.of("0.0.0.0/0"))));
    }

    @Test
    void portsAndRouteNamesFollowWhatTheEntryIsNotWhereItIs() {
        List<ExportSpec> exports = new java.util.ArrayList<>(SHOP.exports());
        exports.add(0, new ExportSpec("invoices", new ServiceRef("shop-api", "invoices"), 8080, List.of("billing")));
        List<RouteSpec> routes = new java.util.ArrayList<>(SHOP.ingress().orElseThrow().routes());
        routes.add(0, new RouteSpec("new.example.com", "/", new ServiceRef("shop-web", "storefront"), 8080));
        java.util.Collections.reverse(routes);
        IngressSpec ingress = SHOP.ingress().orElseThrow();
        ProjectSpec edited = project("shop", SHOP.namespaces(), Optional.of(new IngressSpec(ingress.certificateArn(),
                ingress.tlsPolicy(), ingress.webAclArn(), routes)), exports);
        List<ProjectSpec> all = List.of(edited, BILLING, AUDIT);
        List<Manifest> before = IngressPlans.gateway(edge(SHOP)).orElseThrow().contents();
        List<Manifest> after = IngressPlans.gateway(new ProjectEdge(edited, PLATFORM, all, PUBLIC_CIDRS)).orElseThrow()
                .contents();
        for (Manifest m : before) {
            Manifest same = find(after, m.kind(), m.name());
            boolean spansEntries = m.kind().equals("Gateway") || m.kind().endsWith("Policy") && !m.name().startsWith("export-");
            if (!spansEntries) {
                assertEquals(m, same, "an entry that did not change keeps its object: " + m.id());
            }
        }
        assertEquals(find(before, "Service", "orders"), find(after, "Service", "orders"), "orders keeps its port");
        Manifest consumer = find(IngressPlans.workloadNamespace(new ProjectEdge(BILLING, PLATFORM, all, PUBLIC_CIDRS),
                "billing"), "NetworkPolicy", "allow-exports");
        assertTrue(consumer.spec().toString().contains("port=" + ORDERS), consumer.spec().toString());
    }

    private static ProjectEdge edge(ProjectSpec project) {
        return new ProjectEdge(project, PLATFORM, ALL, PUBLIC_CIDRS);
    }

    private static ProjectSpec project(String name, List<String> namespaces, Optional<IngressSpec> ingress,
                                       List<ExportSpec> exports) {
        return new ProjectSpec(name, namespaces, List.of(), ingress, exports, List.of(), QuotaSpec.defaults(),
                List.of(15020));
    }

    private static Manifest find(List<Manifest> manifests, String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in "
                        + manifests.stream().map(Manifest::id).toList()));
    }
}
