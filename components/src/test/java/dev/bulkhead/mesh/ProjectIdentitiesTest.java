package dev.bulkhead.mesh;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectIdentitiesTest {

    @Test
    void theGatewayRunsAsTheServiceAccountIstioDerivesFromTheGatewayName() {
        assertEquals("cluster.local/ns/shop-gateway/sa/shop-gateway-istio",
                ProjectIdentities.gateway("cluster.local", "shop").principal());
    }

    @Test
    void theScraperIsPrometheusOfTheMonitoringNamespace() {
        assertEquals("prometheus", ProjectIdentities.PROMETHEUS_SERVICE_ACCOUNT);
        assertEquals("corp.example/ns/observability/sa/prometheus",
                ProjectIdentities.scraper("corp.example", "observability").principal());
    }

    @Test
    void membersAreTheProjectsNamespacesSortedWithoutItsGateway() {
        assertEquals(List.of(
                "cluster.local/ns/shop-api/sa/*",
                "cluster.local/ns/shop-web/sa/*"),
                ProjectIdentities.members("cluster.local", "shop", List.of("shop-web", "shop-api", "shop-web")));
    }
}
