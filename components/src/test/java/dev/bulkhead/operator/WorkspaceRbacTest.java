package dev.bulkhead.operator;

import dev.bulkhead.isolation.PerimeterKinds;
import dev.bulkhead.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a project's workspace may write: the app kinds in its own namespaces, and what its project layer holds. */
class WorkspaceRbacTest {

    private static final List<String> NAMESPACES = List.of("shop-web", "shop-api");
    private static final Manifest WEB = new Manifest("v1", "Namespace", "shop-web", null, Map.of(), Map.of(), false);
    private static final Manifest DEFAULT_PATCH = new Manifest("v1", "ServiceAccount", "default", "shop-web",
            Map.of(), Map.of("automountServiceAccountToken", false), true);

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
    void theWorkspaceWritesExactlyTheAppKindsAndReadsWhatTheProviderAwaits() {
        List<Manifest> rbac = WorkspaceRbac.of("shop", "ops", NAMESPACES, List.of(WEB, DEFAULT_PATCH));
        List<Map<String, Object>> rules = rules(rbac);
        List<String> written = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            String resource = ((List<?>) rule.get("apiGroups")).get(0) + "/" + ((List<?>) rule.get("resources")).get(0);
            assertFalse(rule.containsKey("resourceNames"), rule::toString);
            if (rule.get("verbs").equals(WorkspaceRbac.MANAGE)) {
                written.add(resource);
            } else {
                assertEquals(WorkspaceRbac.READ, rule.get("verbs"), rule::toString);
                read.add(resource);
            }
        }
        // the patch of default is covered by managing ServiceAccounts, which admission keeps token-less
        assertEquals(List.of("/configmaps", "/secrets", "/serviceaccounts", "/services", "apps/deployments",
                "autoscaling/horizontalpodautoscalers", "policy/poddisruptionbudgets"), written);
        assertEquals(List.of("/endpoints", "/events", "/persistentvolumeclaims", "/pods", "apps/replicasets",
                "discovery.k8s.io/endpointslices"), read);
        for (PerimeterKinds.Kind kind : PerimeterKinds.KINDS) {
            assertFalse(written.contains(kind.group() + "/" + kind.resource()), kind::toString);
        }
        assertTrue(written.stream().noneMatch(r -> r.startsWith("rbac.") || r.equals("/pods") || r.equals("/namespaces")));
    }

    @Test
    void theRoleIsBoundInEveryTenantNamespaceAndNowhereElse() {
        List<Manifest> rbac = WorkspaceRbac.of("shop", "ops", NAMESPACES, List.of(WEB, DEFAULT_PATCH));
        List<String> bindings = rbac.stream().filter(m -> m.kind().equals("RoleBinding")).map(Manifest::namespace).toList();
        assertEquals(List.of("shop-api", "shop-web"), bindings);
        Manifest namespaces = rbac.stream().filter(m -> m.name().equals("bulkhead-shop-workspace-namespaces")
                && m.kind().equals("ClusterRole")).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("apiGroups", List.of(""), "resources", List.of("namespaces"),
                "resourceNames", List.of("shop-api", "shop-web"), "verbs", WorkspaceRbac.READ)),
                namespaces.body().get("rules"));
        // the object role is bound by RoleBindings only: worth nothing outside the project's namespaces
        assertTrue(rbac.stream().noneMatch(m -> m.kind().equals("ClusterRoleBinding")
                && String.valueOf(m.body().get("roleRef")).contains("name=bulkhead-shop-workspace}")));
        assertEquals(new TreeSet<>(List.of("bulkhead-shop-workspace-auth-delegator",
                "bulkhead-shop-workspace-namespaces")), new TreeSet<>(rbac.stream()
                .filter(m -> m.kind().equals("ClusterRoleBinding")).map(Manifest::name).toList()));
    }

    @Test
    void aFurtherKindOfTheProjectLayerGetsItsOwnRule() {
        Manifest claim = Manifest.namespaced("v1", "PersistentVolumeClaim", "shop-web", "data", Map.of(), Map.of());
        List<Map<String, Object>> rules = rules(WorkspaceRbac.of("shop", "ops", NAMESPACES, List.of(WEB, claim)));
        assertTrue(rules.contains(Map.of("apiGroups", List.of(""), "resources", List.of("persistentvolumeclaims"),
                "verbs", WorkspaceRbac.MANAGE)), rules::toString);
        assertEquals(1, rules.stream().filter(r -> r.get("resources").equals(List.of("persistentvolumeclaims")))
                .count(), "managed, so not also read only");
    }

    @Test
    void aProjectLayerHoldsNoPerimeterObjectAndNoPermissions() {
        for (Manifest forbidden : List.of(
                Manifest.namespaced("gateway.networking.k8s.io/v1", "HTTPRoute", "shop-web", "web", Map.of(), Map.of()),
                Manifest.namespaced("networking.k8s.io/v1", "NetworkPolicy", "shop-web", "open", Map.of(), Map.of()),
                Manifest.namespaced("v1", "ResourceQuota", "shop-web", "q", Map.of(), Map.of()),
                Manifest.namespaced("rbac.authorization.k8s.io/v1", "RoleBinding", "shop-web", "rb", Map.of(),
                        Map.of()))) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> WorkspaceRbac.of("shop", "ops", NAMESPACES, List.of(WEB, forbidden)));
            assertEquals(forbidden.id() + ": the perimeter and permissions are the platform's; a project layer holds "
                    + "none of them", e.getMessage());
        }
    }

    @Test
    void aProjectLayerStaysInItsNamespacesAndManagesNoClusterScopedObjects() {
        var clusterRole = new Manifest("rbac.authorization.k8s.io/v1", "ClusterRole", "x", null, Map.of(), Map.of(),
                false);
        var e = assertThrows(IllegalArgumentException.class,
                () -> WorkspaceRbac.of("shop", "ops", NAMESPACES, List.of(clusterRole)));
        assertTrue(e.getMessage().contains("no cluster-scoped objects"), e::getMessage);
        var elsewhere = Manifest.namespaced("apps/v1", "Deployment", "billing", "x", Map.of(), Map.of());
        e = assertThrows(IllegalArgumentException.class,
                () -> WorkspaceRbac.of("shop", "ops", NAMESPACES, List.of(elsewhere)));
        assertEquals(elsewhere.id() + ": outside project shop's namespaces [shop-web, shop-api]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WorkspaceRbac.of("shop", "ops", List.of(), List.of()));
        assertEquals("shop: a project without namespaces", e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(List<Manifest> rbac) {
        Manifest role = rbac.stream().filter(m -> m.kind().equals("ClusterRole")
                && m.name().equals("bulkhead-shop-workspace")).findFirst().orElseThrow();
        return (List<Map<String, Object>>) role.body().get("rules");
    }
}
