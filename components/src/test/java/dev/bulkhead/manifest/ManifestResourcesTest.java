package dev.bulkhead.manifest;

import com.pulumi.test.PulumiTest;
import dev.bulkhead.kubernetes.KubernetesCustomResource;
import dev.bulkhead.kubernetes.KubernetesOptions;
import dev.bulkhead.project.MockRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Manifests become the right Pulumi resources, and nothing is dropped on the way. */
class ManifestResourcesTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void otherKindsGoThroughTheGenericCustomResource() {
        var gateway = Manifest.namespaced("gateway.networking.k8s.io/v1", "Gateway", "shop-gateway",
                "shop-gateway", Map.of(), Map.of("gatewayClassName", "istio"));
        var run = MockRun.of(provider -> assertInstanceOf(KubernetesCustomResource.class,
                ManifestResources.create("gw", gateway, KubernetesOptions.child(null, provider))));
        var recorded = run.find("kubernetes:gateway.networking.k8s.io/v1:Gateway", "gw");
        assertEquals(Map.of("gatewayClassName", "istio"), recorded.inputs().get("spec"));
    }

    @Test
    void aServiceBecomesTheTypedServiceWithItsPortsAndAnnotations() {
        var service = Manifest.namespaced("v1", "Service", "shop-gateway", "orders", Map.of("a", "b"), Map.of(
                        "type", "ClusterIP",
                        "selector", Map.of("gateway.networking.k8s.io/gateway-name", "shop-gateway"),
                        "ports", List.of(Map.of("name", "http", "protocol", "TCP", "port", 80, "targetPort", 9080))))
                .withAnnotations(Map.of("bulkhead.dev/export", "orders"));
        var run = MockRun.of(provider -> ManifestResources.create("svc", service, KubernetesOptions.child(null, provider)));
        var inputs = run.find("kubernetes:core/v1:Service", "svc").inputs();
        assertEquals(Map.of("bulkhead.dev/export", "orders"), ((Map<?, ?>) inputs.get("metadata")).get("annotations"));
        var spec = (Map<?, ?>) inputs.get("spec");
        assertEquals("ClusterIP", spec.get("type"));
        assertEquals(MockRun.asEngineSees(List.of(Map.of("name", "http", "protocol", "TCP", "port", 80, "targetPort", 9080))),
                spec.get("ports"));
    }

    @Test
    void onlyClusterIpServicesAreGenerated() {
        var service = Manifest.namespaced("v1", "Service", "shop-web", "s", Map.of(), Map.of("type", "NodePort",
                "selector", Map.of("app", "web"), "ports", List.of()));
        var e = assertThrows(IllegalArgumentException.class, () -> run(service));
        assertEquals("shop-web/Service/s: only ClusterIP Services are generated", e.getMessage());
    }

    @Test
    void anUnknownFieldFailsWithItsPath() {
        var policy = Manifest.namespaced("networking.k8s.io/v1", "NetworkPolicy", "shop-web", "p", Map.of(),
                Map.of("podSelector", Map.of(), "ingress", List.of(Map.of("from", List.of(Map.of("ipBlock",
                        Map.of("cidr", "10.0.0.0/8", "exceptt", List.of())))))));
        var e = assertThrows(IllegalArgumentException.class, () -> run(policy));
        assertEquals("shop-web/NetworkPolicy/p: spec.ingress[0].from[0].ipBlock.exceptt: is not supported here",
                e.getMessage());
    }

    @Test
    void aPortMustBeANumber() {
        var policy = Manifest.namespaced("networking.k8s.io/v1", "NetworkPolicy", "shop-web", "p", Map.of(),
                Map.of("podSelector", Map.of(), "egress", List.of(Map.of(
                        "to", List.of(Map.of("ipBlock", Map.of("cidr", "10.0.0.0/8"))),
                        "ports", List.of(Map.of("protocol", "TCP", "port", "http"))))));
        var e = assertThrows(IllegalArgumentException.class, () -> run(policy));
        assertEquals("shop-web/NetworkPolicy/p: spec.egress[0].ports[0].port: expected an integer", e.getMessage());
    }

    @Test
    void serviceAccountsAreOnlyPatchedAndOnlyServiceAccountsArePatched() {
        var account = new Manifest("v1", "ServiceAccount", "app", "shop-web", Map.of(),
                Map.of("automountServiceAccountToken", false), false);
        var e = assertThrows(IllegalArgumentException.class, () -> run(account));
        assertEquals("shop-web/ServiceAccount/app: Bulkhead creates no ServiceAccounts for user apps; "
                + "only the default one is patched", e.getMessage());
        var role = new Manifest("rbac.authorization.k8s.io/v1", "Role", "r", "shop-web", Map.of(), Map.of(), true);
        e = assertThrows(IllegalArgumentException.class, () -> run(role));
        assertEquals("shop-web/Role/r: only ServiceAccounts are patched", e.getMessage());
    }

    /** Conversion happens before anything is registered, so failures surface without the engine. */
    private static void run(Manifest manifest) {
        ManifestResources.create("x", manifest, null);
    }
}
