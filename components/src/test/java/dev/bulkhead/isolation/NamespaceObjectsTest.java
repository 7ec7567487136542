package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.QuotaSpec;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.bulkhead.isolation.Fixtures.GENERATED_LABELS;
import static dev.bulkhead.isolation.Fixtures.shopWeb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The namespace, its default ServiceAccount patch, quota and container defaults. */
class NamespaceObjectsTest {

    @Test
    void theNamespaceCarriesTheProjectAmbientAndPinnedPodSecurity() {
        Manifest namespace = ProjectNamespace.of(shopWeb());
        Map<String, String> expected = new HashMap<>(GENERATED_LABELS);
        expected.putAll(Map.of(
                "istio.io/dataplane-mode", "ambient",
                "kubernetes.io/metadata.name", "shop-web",
                "pod-security.kubernetes.io/enforce", "restricted",
                "pod-security.kubernetes.io/enforce-version", "v1.31",
                "pod-security.kubernetes.io/audit", "restricted",
                "pod-security.kubernetes.io/audit-version", "v1.31",
                "pod-security.kubernetes.io/warn", "restricted",
                "pod-security.kubernetes.io/warn-version", "v1.31"));
        assertEquals("v1", namespace.apiVersion());
        assertEquals("Namespace", namespace.kind());
        assertEquals("shop-web", namespace.name());
        assertNull(namespace.namespace());
        assertEquals(expected, namespace.labels());
        assertEquals(Map.of(), namespace.body());
        assertFalse(namespace.patch());
    }

    @Test
    void theDefaultServiceAccountIsPatchedToMountNoToken() {
        Manifest account = DefaultServiceAccount.of(shopWeb());
        assertEquals("ServiceAccount", account.kind());
        assertEquals("default", account.name());
        assertEquals("shop-web", account.namespace());
        assertTrue(account.patch());
        assertEquals(Map.of("automountServiceAccountToken", false), account.body());
    }

    @Test
    void quotaAndLimitsDefault() {
        Compartment web = shopWeb();
        assertEquals(QuotaSpec.defaults(), web.quota());
        assertEquals(Map.of("hard", Map.of(
                "requests.cpu", "4", "requests.memory", "8Gi",
                "limits.cpu", "8", "limits.memory", "16Gi",
                "pods", "50", "services", "20",
                "services.loadbalancers", "0", "services.nodeports", "0")), NamespaceQuota.of(web).spec());
        assertEquals("compartment-quota", NamespaceQuota.of(web).name());
        assertEquals(Map.of("limits", List.of(Map.of(
                "type", "Container",
                "defaultRequest", Map.of("cpu", "100m", "memory", "128Mi"),
                "default", Map.of("cpu", "500m", "memory", "512Mi")))), ContainerDefaults.of(web).spec());
        assertEquals("container-defaults", ContainerDefaults.of(web).name());
    }

    @Test
    void quotaAndLimitsFollowConfig() {
        var quota = new QuotaSpec("16", "64Gi", "32", "128Gi", 200, 40, "250m", "256Mi", "1", "1Gi");
        var spec = new ProjectSpec("shop", List.of("shop-web"), List.of(),
                Optional.empty(), List.of(), List.of(), quota, List.of(15020));
        Compartment web = Compartment.of(spec, Fixtures.PLATFORM, "shop-web");
        assertEquals(Map.of("hard", Map.of(
                "requests.cpu", "16", "requests.memory", "64Gi",
                "limits.cpu", "32", "limits.memory", "128Gi",
                "pods", "200", "services", "40",
                "services.loadbalancers", "0", "services.nodeports", "0")), NamespaceQuota.of(web).spec());
        assertEquals(Map.of("limits", List.of(Map.of(
                "type", "Container",
                "defaultRequest", Map.of("cpu", "250m", "memory", "256Mi"),
                "default", Map.of("cpu", "1", "memory", "1Gi")))), ContainerDefaults.of(web).spec());
    }

    @Test
    void aProjectWithoutQuotaGetsTheDefaults() {
        var spec = new ProjectSpec("shop", List.of("shop-web"), List.of(),
                Optional.empty(), List.of(), List.of(), null, List.of(15020));
        assertEquals(QuotaSpec.defaults(), Compartment.of(spec, Fixtures.PLATFORM, "shop-web").quota());
    }
}
