package dev.bulkhead.workload;

import com.google.gson.Gson;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.testing.LayerStacks;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The apps of the dev stack as each layer renders them: where waypoints are, and who owns the app roles. */
class WorkloadRenderTest {

    private static final String GATEWAY = "kubernetes:gateway.networking.k8s.io/v1:Gateway";
    private static final String SERVICE = "kubernetes:core/v1:Service";
    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    private static final String ROLE = "aws:iam/role:Role";
    private static final String POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(RenderedResource r) {
        return (Map<String, Object>) r.inputs().get("metadata");
    }

    private static Set<String> ids(List<RenderedResource> resources, String type) {
        Set<String> ids = new TreeSet<>();
        resources.stream().filter(r -> r.type().equals(type))
                .forEach(r -> ids.add(metadata(r).get("namespace") + "/" + metadata(r).get("name")));
        return ids;
    }

    @Test
    void aWaypointServesExactlyTheNamespacesAndServicesWithL7Rules() {
        List<RenderedResource> dev = Stacks.rendered("dev");
        Set<String> waypoints = new TreeSet<>();
        dev.stream().filter(r -> r.type().equals(GATEWAY))
                .filter(r -> "istio-waypoint".equals(((Map<?, ?>) r.inputs().get("spec")).get("gatewayClassName")))
                .forEach(r -> waypoints.add(metadata(r).get("namespace") + "/" + metadata(r).get("name")));
        assertEquals(Set.of("bulkhead-egress/egress-waypoint", "shop-api/waypoint"), waypoints);
        Set<String> throughWaypoint = new TreeSet<>();
        dev.stream().filter(r -> r.type().equals(SERVICE))
                .filter(r -> ((Map<?, ?>) metadata(r).getOrDefault("labels", Map.of()))
                        .containsKey("istio.io/use-waypoint"))
                .forEach(r -> throughWaypoint.add(metadata(r).get("namespace") + "/" + metadata(r).get("name")));
        assertEquals(Set.of("shop-api/orders"), throughWaypoint, "catalog, in the same namespace, stays on ztunnel");
        assertEquals(Set.of("analytics/collector", "billing/invoicer", "shop-api/catalog", "shop-api/orders",
                "shop-web/storefront"), ids(dev, DEPLOYMENT));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAppRoleTrustsOnlyItsOwnServiceAccountInItsNamespaceAndCluster() {
        RenderedResource role = Stacks.rendered("dev").stream()
                .filter(r -> r.type().equals(ROLE) && r.name().equals("app-identity-shop-storefront-role"))
                .findFirst().orElseThrow();
        Map<String, Object> trust = new Gson().fromJson((String) role.inputs().get("assumeRolePolicy"), Map.class);
        Map<String, Object> statement = (Map<String, Object>) ((List<Object>) trust.get("Statement")).get(0);
        assertEquals(Map.of("StringEquals", Map.of(
                "aws:SourceAccount", "111122223333",
                "aws:RequestTag/eks-cluster-name", "bulkhead-dev",
                "aws:RequestTag/kubernetes-namespace", "shop-web",
                "aws:RequestTag/kubernetes-service-account", "storefront")), statement.get("Condition"));
    }

    @Test
    void thePlatformLayerOwnsAppRolesAndPoliciesAndTheProjectStacksRunTheApps() {
        List<RenderedResource> platform = LayerStacks.rendered("platform");
        Set<String> roles = new TreeSet<>();
        platform.stream().filter(r -> r.type().equals(ROLE) && r.name().startsWith("app-identity-"))
                .forEach(r -> roles.add(String.valueOf(r.inputs().get("name"))));
        assertEquals(Set.of("bulkhead-dev-app-billing-invoicer", "bulkhead-dev-app-shop-storefront"), roles);
        assertEquals(2, platform.stream().filter(r -> r.type().equals(
                "aws:eks/podIdentityAssociation:PodIdentityAssociation") && r.name().startsWith("app-identity-"))
                .count());
        assertEquals(Set.of(), ids(platform, DEPLOYMENT));
        assertTrue(ids(platform, "kubernetes:core/v1:ServiceAccount").stream()
                .allMatch(id -> id.startsWith("pulumi-kubernetes-operator/")), "only the workspaces' accounts");
        // the perimeter of every app, and the waypoint of the namespace with L7 rules, are the platform's
        assertEquals(ids(Stacks.rendered("dev"), POLICY).stream().filter(id -> id.contains("/app-")).toList(),
                ids(platform, POLICY).stream().filter(id -> id.contains("/app-")).toList());
        assertEquals(Set.of("shop-api/waypoint"), ids(platform, GATEWAY).stream()
                .filter(id -> id.endsWith("/waypoint")).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of("shop-api/catalog", "shop-api/orders", "shop-web/storefront"),
                ids(LayerStacks.rendered("shop"), DEPLOYMENT), "the project's stack runs its apps");
        assertEquals(Set.of(), ids(LayerStacks.rendered("shop"), POLICY));
        assertTrue(LayerStacks.rendered("shop").stream().noneMatch(r -> r.type().startsWith("aws:")));
    }
}
