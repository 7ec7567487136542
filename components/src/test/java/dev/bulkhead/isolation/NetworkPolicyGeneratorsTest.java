package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.PlatformSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.isolation.Fixtures.GENERATED_LABELS;
import static dev.bulkhead.isolation.Fixtures.shopWeb;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each NetworkPolicy generator: input in, the exact policy out. */
class NetworkPolicyGeneratorsTest {

    private static final Map<String, Object> ALL_PODS = Map.of();
    /** The project's namespaces except its gateway namespace, which is admitted only on the ports it routes to. */
    private static final Map<String, Object> SHOP_NAMESPACES = Map.of("namespaceSelector", Map.of(
            "matchLabels", Map.of("bulkhead.dev/project", "shop"),
            "matchExpressions", List.of(Map.of(
                    "key", "bulkhead.dev/role", "operator", "NotIn", "values", List.of("gateway")))));
    private static final Map<String, Object> HBONE = Map.of("protocol", "TCP", "port", 15008);
    /** Every pod but those of apps with narrowed callers and the namespace's waypoint. */
    private static final Map<String, Object> PROJECT_WIDE_PODS = Map.of("matchExpressions", List.of(
            Map.of("key", "bulkhead.dev/trust", "operator", "DoesNotExist"),
            Map.of("key", "gateway.networking.k8s.io/gateway-name", "operator", "DoesNotExist")));

    @Test
    void defaultDenyIsolatesEveryPodBothWaysWithoutRules() {
        assertPolicy(DefaultDeny.of(shopWeb()), "default-deny", Map.of(
                "podSelector", ALL_PODS,
                "policyTypes", List.of("Ingress", "Egress")));
    }

    @Test
    void sameProjectIsSelectedByTheProjectLabelOnEveryPort() {
        assertPolicy(AllowSameProject.of(shopWeb()), "allow-same-project", Map.of(
                "podSelector", PROJECT_WIDE_PODS,
                "policyTypes", List.of("Ingress", "Egress"),
                "ingress", List.of(Map.of("from", List.of(SHOP_NAMESPACES))),
                "egress", List.of(Map.of("to", List.of(SHOP_NAMESPACES)))));
    }

    @Test
    void dnsGoesToKubeDnsInKubeSystemOn53UdpAndTcp() {
        assertPolicy(AllowDns.of(shopWeb()), "allow-dns", Map.of(
                "podSelector", ALL_PODS,
                "policyTypes", List.of("Egress"),
                "egress", List.of(Map.of(
                        "to", List.of(Map.of(
                                "namespaceSelector", Map.of("matchLabels",
                                        Map.of("kubernetes.io/metadata.name", "kube-system")),
                                "podSelector", Map.of("matchLabels", Map.of("k8s-app", "kube-dns")))),
                        "ports", List.of(Map.of("protocol", "UDP", "port", 53),
                                Map.of("protocol", "TCP", "port", 53))))));
    }

    @Test
    void ambientAdmitsProbesFromTheSnatAddressAndHboneWithinTheProject() {
        assertPolicy(AllowAmbient.of(shopWeb()), "allow-ambient", Map.of(
                "podSelector", PROJECT_WIDE_PODS,
                "policyTypes", List.of("Ingress", "Egress"),
                "ingress", List.of(
                        Map.of("from", List.of(Map.of("ipBlock", Map.of("cidr", "169.254.7.127/32")))),
                        Map.of("from", List.of(SHOP_NAMESPACES), "ports", List.of(HBONE))),
                "egress", List.of(Map.of("to", List.of(SHOP_NAMESPACES), "ports", List.of(HBONE)))));
    }

    @Test
    void istiodIsReachableOnlyFromMeshProxiesOn15012() {
        assertPolicy(AllowIstiod.of(shopWeb()), "allow-istiod", Map.of(
                "podSelector", Map.of("matchExpressions", List.of(
                        Map.of("key", "gateway.networking.k8s.io/gateway-name", "operator", "Exists"))),
                "policyTypes", List.of("Egress"),
                "egress", List.of(Map.of(
                        "to", List.of(Map.of(
                                "namespaceSelector", Map.of("matchLabels",
                                        Map.of("kubernetes.io/metadata.name", "istio-system")),
                                "podSelector", Map.of("matchLabels", Map.of("app", "istiod")))),
                        "ports", List.of(Map.of("protocol", "TCP", "port", 15012))))));
    }

    @Test
    void monitoringAdmitsPrometheusOnTheDefaultMetricsPortAndHbone() {
        assertPolicy(AllowMonitoring.of(shopWeb()), "allow-monitoring", Map.of(
                "podSelector", ALL_PODS,
                "policyTypes", List.of("Ingress"),
                "ingress", List.of(Map.of(
                        "from", List.of(prometheus("monitoring")),
                        "ports", List.of(HBONE, Map.of("protocol", "TCP", "port", 15020))))));
    }

    @Test
    void monitoringUsesTheConfiguredPortsAndNamespace() {
        var spec = Fixtures.project("shop", List.of("shop-web"), List.of(9100, 15020, 9100));
        var platform = new PlatformSpec("corp.example", "observability", List.of());
        Manifest policy = AllowMonitoring.of(Compartment.of(spec, platform, "shop-web"));
        assertEquals(List.of(Map.of(
                "from", List.of(prometheus("observability")),
                "ports", List.of(Map.of("protocol", "TCP", "port", 9100), HBONE,
                        Map.of("protocol", "TCP", "port", 15020)))), policy.spec().get("ingress"));
    }

    @Test
    void monitoringWithoutMetricsPortsAdmitsNothing() {
        var spec = Fixtures.project("shop", List.of("shop-web"), List.of());
        Manifest policy = AllowMonitoring.of(Compartment.of(spec, Fixtures.PLATFORM, "shop-web"));
        assertEquals(Map.of("podSelector", ALL_PODS, "policyTypes", List.of("Ingress")), policy.spec());
    }

    private static Map<String, Object> prometheus(String namespace) {
        return Map.of(
                "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", namespace)),
                "podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "prometheus")));
    }

    private static void assertPolicy(Manifest policy, String name, Map<String, Object> spec) {
        assertEquals("networking.k8s.io/v1", policy.apiVersion());
        assertEquals("NetworkPolicy", policy.kind());
        assertEquals(name, policy.name());
        assertEquals("shop-web", policy.namespace());
        assertEquals(GENERATED_LABELS, policy.labels());
        assertEquals(Map.of("spec", spec), policy.body());
    }
}
