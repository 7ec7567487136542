package dev.bulkhead.operator;

import dev.bulkhead.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a workspace's rights follow from the objects its project layer manages. */
class WorkspaceRbacTest {

    @Test
    void kindsBecomeTheirPluralResources() {
        assertEquals("networkpolicies", WorkspaceRbac.resource("NetworkPolicy"));
        assertEquals("gateways", WorkspaceRbac.resource("Gateway"));
        assertEquals("serviceentries", WorkspaceRbac.resource("ServiceEntry"));
        assertEquals("httproutes", WorkspaceRbac.resource("HTTPRoute"));
        assertEquals("resourcequotas", WorkspaceRbac.resource("ResourceQuota"));
        assertEquals("", WorkspaceRbac.group("v1"));
        assertEquals("security.istio.io", WorkspaceRbac.group("security.istio.io/v1"));
    }

    @Test
    void aNewKindInTheLayerIsGrantedOnlyInTheNamespacesThatHoldIt() {
        // an app's Deployment added to the project layer: its rule follows, in the namespace that holds it only
        var objects = List.of(
                new Manifest("v1", "Namespace", "shop-web", null, Map.of(), Map.of(), false),
                new Manifest("v1", "Namespace", "shop-api", null, Map.of(), Map.of(), false),
                Manifest.namespaced("apps/v1", "Deployment", "shop-web", "web", Map.of(), Map.of()));
        List<Manifest> rbac = WorkspaceRbac.of("shop", "ops", objects);
        Manifest role = rbac.stream().filter(m -> m.name().equals("bulkhead-shop-workspace")).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("apiGroups", List.of("apps"), "resources", List.of("deployments"),
                "verbs", WorkspaceRbac.MANAGE)), role.body().get("rules"));
        List<String> bindings = rbac.stream().filter(m -> m.kind().equals("RoleBinding")).map(Manifest::namespace).toList();
        assertEquals(List.of("shop-web"), bindings);
        Manifest read = rbac.stream().filter(m -> m.name().equals("bulkhead-shop-workspace-namespaces")
                && m.kind().equals("ClusterRole")).findFirst().orElseThrow();
        assertTrue(read.body().get("rules").toString().contains("[shop-api, shop-web]"), read.body()::toString);
        assertTrue(rbac.stream().noneMatch(m -> m.kind().equals("ClusterRoleBinding")
                && String.valueOf(m.body().get("roleRef")).contains("bulkhead-shop-workspace,")));
    }

    @Test
    void aProjectLayerHoldsNoPerimeterObject() {
        for (Manifest perimeter : List.of(
                Manifest.namespaced("gateway.networking.k8s.io/v1", "HTTPRoute", "shop-web", "web", Map.of(), Map.of()),
                Manifest.namespaced("networking.k8s.io/v1", "NetworkPolicy", "shop-web", "open", Map.of(), Map.of()),
                Manifest.namespaced("v1", "ResourceQuota", "shop-web", "q", Map.of(), Map.of()))) {
            var e = assertThrows(IllegalArgumentException.class, () -> WorkspaceRbac.of("shop", "ops", List.of(
                    new Manifest("v1", "Namespace", "shop-web", null, Map.of(), Map.of(), false), perimeter)));
            assertEquals(perimeter.id() + ": the perimeter is the platform's; a project layer holds none of it",
                    e.getMessage());
        }
    }

    @Test
    void aProjectLayerManagesNoClusterScopedObjects() {
        var objects = List.of(new Manifest("rbac.authorization.k8s.io/v1", "ClusterRole", "x", null, Map.of(),
                Map.of(), false));
        var e = assertThrows(IllegalArgumentException.class, () -> WorkspaceRbac.of("shop", "ops", objects));
        assertTrue(e.getMessage().contains("no cluster-scoped objects"), e::getMessage);
    }
}
