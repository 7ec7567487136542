package dev.bulkhead.cost;

import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostEstimateTest {

    /** Round prices, so every expected figure below can be worked out by hand; 100 hours a month. */
    private static final PriceList PRICES = new PriceList("2026-01-01", "USD", 100, "test", List.of(), "test",
            Map.of("test-1", new RegionPrices(0.10, 0.60, 0.05, 0.01, 0.02, 0.03, 0.008, 5, 1, 1, 0.04, 0.004,
                    Map.of("m.large", 0.1))));

    @Test
    void platformPaysControlPlaneNatGatewaysTheirAddressesAndInterfaceEndpointsPerAz() {
        var estimate = CostEstimate.of(List.of(
                aws("aws:eks/cluster:Cluster", "cluster", Map.of("upgradePolicy", Map.of("supportType", "STANDARD"))),
                aws("aws:ec2/natGateway:NatGateway", "nat-0", Map.of()),
                aws("aws:ec2/natGateway:NatGateway", "nat-1", Map.of()),
                aws("aws:ec2/eip:Eip", "nat-0", Map.of()),
                aws("aws:ec2/vpcEndpoint:VpcEndpoint", "sts", Map.of("vpcEndpointType", "Interface",
                        "subnetIds", List.of("a", "b", "c"))),
                aws("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", Map.of("vpcEndpointType", "Gateway")),
                aws("aws:kms/key:Key", "secrets", Map.of())), "test-1", PRICES);

        // 0.10*100 + 2*0.05*100 + 0.01*100 + 3*0.02*100 + 1 (the gateway endpoint is free)
        assertEquals(10 + 10 + 1 + 6 + 1, estimate.byOwner().get(CostEstimate.PLATFORM), 1e-9);
        assertEquals(Map.of(CostEstimate.PLATFORM, 28.0), estimate.byOwner());
        assertTrue(estimate.notes().isEmpty(), estimate.notes().toString());
    }

    @Test
    void extendedSupportIsNotedWithWhatItWouldAdd() {
        var estimate = CostEstimate.of(List.of(aws("aws:eks/cluster:Cluster", "cluster",
                Map.of("upgradePolicy", Map.of("supportType", "EXTENDED")))), "test-1", PRICES);

        assertEquals(10, estimate.total(), 1e-9);
        assertEquals(1, estimate.notes().size());
        assertTrue(estimate.notes().get(0).contains("$50.00 more a month"), estimate.notes().get(0));
    }

    @Test
    void aProjectPaysItsAlbAndOnePublicAddressPerSubnetOnlyWhenInternetFacing() {
        var estimate = CostEstimate.of(List.of(
                aws("aws:lb/loadBalancer:LoadBalancer", "ingress-shop", Map.of("internal", false,
                        "subnets", List.of("a", "b"), "tags", Map.of("bulkhead:project", "shop"))),
                aws("aws:lb/loadBalancer:LoadBalancer", "ingress-intranet", Map.of("internal", true,
                        "subnets", List.of("a", "b"), "tags", Map.of("bulkhead:project", "intranet")))),
                "test-1", PRICES);

        assertEquals(0.03 * 100 + 2 * 0.01 * 100, estimate.byOwner().get("shop"), 1e-9);
        assertEquals(0.03 * 100, estimate.byOwner().get("intranet"), 1e-9);
        assertEquals(0.0, estimate.byOwner().get(CostEstimate.PLATFORM), 1e-9);
    }

    @Test
    void podsArePricedByTheirRequestsAtTheAutoscalersMinimumAndBelongToTheirNamespacesProject() {
        var estimate = CostEstimate.of(List.of(
                k8s("Namespace", null, "shop-api", Map.of("bulkhead.dev/project", "shop"), Map.of()),
                k8s("HorizontalPodAutoscaler", "shop-api", "orders", Map.of(), Map.of("minReplicas", 2,
                        "scaleTargetRef", Map.of("kind", "Deployment", "name", "orders"))),
                k8s("Deployment", "shop-api", "orders", Map.of(), Map.of("replicas", 5, "template", Map.of("spec",
                        Map.of("containers", List.of(
                                Map.of("resources", Map.of("requests", Map.of("cpu", "250m", "memory", "256Mi"))),
                                Map.of("resources", Map.of("requests", Map.of("cpu", "0.25", "memory", "0.25Gi"))))))))),
                "test-1", PRICES);

        // 2 pods of (0.5 vCPU * 0.04 + 0.5 GiB * 0.004) per hour, 100 hours
        assertEquals(2 * (0.5 * 0.04 + 0.5 * 0.004) * 100, estimate.byOwner().get("shop"), 1e-9);
    }

    @Test
    void anIstioProxyWithoutParametersIsPricedAtIstiosDefaultRequests() {
        var estimate = CostEstimate.of(List.of(
                k8s("Namespace", null, "shop-gateway", Map.of("bulkhead.dev/project", "shop"), Map.of()),
                k8s("Gateway", "shop-gateway", "shop-gateway", Map.of(), Map.of("gatewayClassName", "istio")),
                k8s("Gateway", "shop-gateway", "tuned", Map.of(), Map.of("gatewayClassName", "istio",
                        "infrastructure", Map.of("parametersRef", Map.of("kind", "ConfigMap", "name", "sizes"))))),
                "test-1", PRICES);

        assertEquals((CostEstimate.ISTIO_PROXY_CORES * 0.04 + CostEstimate.ISTIO_PROXY_GIB * 0.004) * 100,
                estimate.byOwner().get("shop"), 1e-9);
        assertTrue(estimate.notes().stream().anyMatch(n -> n.contains("shop-gateway/tuned")), estimate.notes().toString());
    }

    @Test
    void nodesArePricedApartAndLeftOutOfTheTotalSoCapacityIsNotCountedTwice() {
        var estimate = CostEstimate.of(List.of(
                aws("aws:eks/cluster:Cluster", "cluster", Map.of()),
                aws("aws:eks/nodeGroup:NodeGroup", "general", Map.of("instanceTypes", List.of("m.large"),
                        "scalingConfig", Map.of("desiredSize", 3))),
                aws("aws:eks/nodeGroup:NodeGroup", "exotic", Map.of("instanceTypes", List.of("x9.huge"),
                        "scalingConfig", Map.of("desiredSize", 1)))), "test-1", PRICES);

        assertEquals(3 * 0.1 * 100, estimate.nodes(), 1e-9);
        assertEquals(10, estimate.total(), 1e-9);
        assertTrue(estimate.notes().stream().anyMatch(n -> n.contains("x9.huge")), estimate.notes().toString());
    }

    @Test
    void aRegionWithoutPricesIsSaidNotGuessed() {
        var estimate = CostEstimate.of(List.of(aws("aws:eks/cluster:Cluster", "cluster", Map.of())), "mars-1", PRICES);

        assertTrue(estimate.lines().isEmpty());
        assertTrue(estimate.summary(5).contains("no prices for region mars-1 (it has test-1)"), estimate.summary(5));
    }

    @Test
    void theBundledPriceFileIsDatedAndPricesTheStacksRegions() {
        PriceList bundled = PriceList.bundled();

        assertTrue(bundled.recorded().matches("\\d{4}-\\d{2}-\\d{2}"), bundled.recorded());
        assertFalse(bundled.sources().isEmpty());
        for (String stack : List.of("dev", "prod")) {
            String region = Stacks.settings(stack).region();
            RegionPrices prices = bundled.region(region).orElseThrow(() -> new AssertionError("no prices for " + region));
            assertTrue(prices.eksClusterHour() > 0 && prices.albHour() > 0 && prices.natGatewayHour() > 0
                    && prices.vcpuHour() > 0 && prices.memoryGbHour() > 0, region + ": " + prices);
        }
    }

    @Test
    void theDevRenderIsPricedForThePlatformAndEveryProject() {
        var estimate = CostEstimate.of(Stacks.rendered("dev"), Stacks.settings("dev").region());

        assertEquals(List.of(CostEstimate.PLATFORM, "analytics", "billing", "shop"),
                new ArrayList<>(estimate.byOwner().keySet()));
        assertTrue(estimate.lines().stream().anyMatch(l -> l.owner().equals("shop") && l.item().startsWith("ALB ")));
        assertTrue(estimate.lines().stream().anyMatch(l -> l.owner().equals(CostEstimate.PLATFORM)
                && l.item().startsWith("EKS control plane")));
        assertTrue(estimate.notes().isEmpty(), estimate.notes().toString());
    }

    private static RenderedResource aws(String type, String name, Map<String, Object> inputs) {
        return new RenderedResource("urn:" + type + "::" + name, type, name, Optional.empty(), Optional.empty(), inputs);
    }

    private static RenderedResource k8s(String kind, String namespace, String name, Map<String, String> labels,
                                        Map<String, Object> spec) {
        Map<String, Object> metadata = new java.util.TreeMap<>();
        metadata.put("name", name);
        metadata.put("labels", labels);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        String type = "kubernetes:test/v1:" + kind;
        return new RenderedResource("urn:" + type + "::" + name, type, name, Optional.empty(), Optional.empty(),
                Map.of("kind", kind, "metadata", metadata, "spec", spec));
    }
}
