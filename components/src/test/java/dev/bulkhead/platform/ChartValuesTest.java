package dev.bulkhead.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pinned charts and the values that carry the platform's security decisions. */
class ChartValuesTest {

    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    @Test
    void everyChartIsPinnedToAnExactVersionOverHttps() {
        for (Chart chart : Charts.all()) {
            assertTrue(EXACT_VERSION.matcher(chart.version()).matches(), chart + " is not an exact version");
            assertTrue(chart.repository().startsWith("https://"), chart.repository());
        }
        assertTrue(Charts.GATEWAY_API_CRDS.startsWith("https://github.com/kubernetes-sigs/gateway-api/releases/download/"
                + Charts.GATEWAY_API_VERSION + "/standard-install.yaml"), Charts.GATEWAY_API_CRDS);
        assertTrue(Charts.GATEWAY_API_VERSION.matches("v\\d+\\.\\d+\\.\\d+"), Charts.GATEWAY_API_VERSION);
    }

    @Test
    void istioIsOneVersionWithAmbientGa() {
        assertEquals(List.of("base", "istiod", "cni", "ztunnel"), Charts.istio().stream().map(Chart::chart).toList());
        for (Chart chart : Charts.istio()) {
            assertEquals(Charts.ISTIO_VERSION, chart.version(), chart.chart());
            assertEquals("istio-system", chart.namespace());
        }
        String[] parts = Charts.ISTIO_VERSION.split("\\.");
        assertTrue(Integer.parseInt(parts[0]) == 1 && Integer.parseInt(parts[1]) >= 24,
                "ambient mode is GA from Istio 1.24: " + Charts.ISTIO_VERSION);
    }

    @Test
    void everyIstioChartTurnsOnItsNetworkPolicies() {
        for (Map<String, Object> values : List.of(IstioValues.base(), IstioValues.istiod("example.org"),
                IstioValues.cni(), IstioValues.ztunnel())) {
            assertEquals(Map.of("networkPolicy", Map.of("enabled", true)), values.get("global"), values.toString());
        }
    }

    @Test
    void istiodRunsAmbientInTheConfiguredTrustDomain() {
        var values = IstioValues.istiod("prod.bulkhead.example");
        assertEquals("ambient", values.get("profile"));
        var mesh = map(values.get("meshConfig"));
        assertEquals("prod.bulkhead.example", mesh.get("trustDomain"));
        assertEquals(Map.of("mode", "REGISTRY_ONLY"), mesh.get("outboundTrafficPolicy"));
        assertEquals("ambient", IstioValues.cni().get("profile"));
        assertEquals("ambient", IstioValues.ztunnel().get("profile"));
    }

    @Test
    void loadBalancerControllerCannotBeSteeredByTenants() {
        var values = LoadBalancerControllerValues.of("bulkhead-dev", "eu-west-1", "vpc-0abc");
        assertEquals("bulkhead-dev", values.get("clusterName"));
        assertEquals("eu-west-1", values.get("region"));
        assertEquals("vpc-0abc", values.get("vpcId"));
        assertEquals(true, values.get("disableIngressGroupNameAnnotation"));
        assertEquals(true, values.get("disableIngressClassAnnotation"));
        assertEquals(false, values.get("enableServiceMutatorWebhook"));
        assertEquals(false, values.get("createIngressClassResource"));
        assertEquals(2, values.get("replicaCount"));
        // pod identity: no IRSA role annotation on the service account
        assertEquals(Map.of("create", true, "name", "aws-load-balancer-controller"), values.get("serviceAccount"));
        var securityContext = map(values.get("securityContext"));
        assertEquals(true, securityContext.get("readOnlyRootFilesystem"));
        assertEquals(false, securityContext.get("allowPrivilegeEscalation"));
        assertEquals(true, securityContext.get("runAsNonRoot"));
        assertEquals(Map.of("drop", List.of("ALL")), securityContext.get("capabilities"));
        assertEquals(Map.of("type", "RuntimeDefault"), securityContext.get("seccompProfile"));
    }

    @Test
    void kyvernoAllowsNoPolicyExceptions() {
        var values = KyvernoValues.of();
        assertEquals(Map.of("policyExceptions", Map.of("enabled", false)), values.get("features"));
        assertEquals(3, map(values.get("admissionController")).get("replicas"));
        assertFalse(values.containsKey("config"), "Kyverno keeps its default resource filters and exclusions");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
