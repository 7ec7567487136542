package dev.bulkhead.mesh;

import dev.bulkhead.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** PeerAuthentication and AuthorizationPolicy generators: input in, exact object out. */
class MeshPoliciesTest {

    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/managed-by", "bulkhead");
    private static final List<String> MEMBERS = List.of(
            "cluster.local/ns/shop-api/sa/*",
            "cluster.local/ns/shop-gateway/sa/shop-gateway-istio",
            "cluster.local/ns/shop-web/sa/*");
    private static final String SCRAPER = "cluster.local/ns/monitoring/sa/prometheus";

    @Test
    void strictMtlsPerNamespace() {
        Manifest pa = StrictMtls.forNamespace("shop-web", LABELS);
        assertEquals("security.istio.io/v1", pa.apiVersion());
        assertEquals("PeerAuthentication", pa.kind());
        assertEquals("shop-web/PeerAuthentication/strict-mtls", pa.id());
        assertEquals(LABELS, pa.labels());
        assertEquals(Map.of("spec", Map.of("mtls", Map.of("mode", "STRICT"))), pa.body());
    }

    @Test
    void strictMtlsMeshWideIsTheDefaultOfTheRootNamespace() {
        Manifest pa = StrictMtls.meshWide(LABELS);
        assertEquals("istio-system/PeerAuthentication/default", pa.id());
        assertEquals(Map.of("mtls", Map.of("mode", "STRICT")), pa.spec());
    }

    @Test
    void allowNothingHasAnEmptySpec() {
        Manifest baseline = AllowNothing.forNamespace("shop-web", LABELS);
        assertEquals("shop-web/AuthorizationPolicy/allow-nothing", baseline.id());
        assertEquals("security.istio.io/v1", baseline.apiVersion());
        assertEquals(Map.of("spec", Map.of()), baseline.body());
    }

    @Test
    void theProjectPolicyAllowsMembersAnywhereAndTheScraperOnMetricsPortsOnly() {
        Manifest allow = ProjectAuthorization.allow("shop-web", LABELS, MEMBERS, SCRAPER, List.of(15020, 9090));
        assertEquals("shop-web/AuthorizationPolicy/allow-same-project", allow.id());
        assertEquals(Map.of(
                "action", "ALLOW",
                "rules", List.of(
                        Map.of("from", List.of(Map.of("source", Map.of("principals", MEMBERS)))),
                        Map.of("from", List.of(Map.of("source", Map.of("principals", List.of(SCRAPER)))),
                                "to", List.of(Map.of("operation", Map.of("ports", List.of("9090", "15020"))))))),
                allow.spec());
    }

    @Test
    void withoutMetricsPortsTheScraperIsLeftOut() {
        Manifest allow = ProjectAuthorization.allow("shop-web", LABELS, MEMBERS, SCRAPER, List.of());
        assertEquals(List.of(Map.of("from", List.of(Map.of("source", Map.of("principals", MEMBERS))))),
                allow.spec().get("rules"));
    }

    @Test
    void anEmptyMemberListWouldMatchAnySourceAndIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ProjectAuthorization.allow("shop-web", LABELS, List.of(), SCRAPER, List.of(15020)));
        assertEquals("shop-web/allow-same-project: an empty principals list would match any source", e.getMessage());
    }
}
