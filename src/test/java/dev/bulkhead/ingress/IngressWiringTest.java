package dev.bulkhead.ingress;

import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the program wires each project's edge, on the render of the dev stack. */
class IngressWiringTest {

    private final List<RenderedResource> resources = Stacks.rendered("dev");

    @Test
    void oneIngressComponentPerProjectWithIngressRoutes() {
        assertEquals(List.of("ingress-shop"), ofType("bulkhead:ingress:Ingress").stream().map(RenderedResource::name).toList());
        assertEquals(1, ofType("aws:lb/loadBalancer:LoadBalancer").size());
        assertEquals(1, ofType("kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding").size());
    }

    @Test
    void theAlbSitsInTheSubnetsNothingElseUses() {
        @SuppressWarnings("unchecked")
        Set<String> albSubnets = new HashSet<>((List<String>) ofType("aws:lb/loadBalancer:LoadBalancer").get(0)
                .inputs().get("subnets"));
        long publicSubnets = ofType("aws:ec2/subnet:Subnet").stream()
                .filter(s -> s.inputs().get("tags") instanceof Map<?, ?> tags && "1".equals(tags.get("kubernetes.io/role/elb")))
                .count();
        assertEquals(publicSubnets, albSubnets.size());
        for (RenderedResource endpoint : ofType("aws:ec2/vpcEndpoint:VpcEndpoint")) {
            if (endpoint.inputs().get("subnetIds") instanceof List<?> ids) {
                ids.forEach(id -> assertTrue(!albSubnets.contains(id), id + " is a private subnet"));
            }
        }
    }

    @Test
    void projectsWithIngressOrExportsGetAGatewayNamespaceAndOthersDoNot() {
        List<String> gateways = ofType("kubernetes:core/v1:Namespace").stream()
                .map(ns -> (Map<?, ?>) ns.inputs().get("metadata"))
                .filter(meta -> meta.get("labels") instanceof Map<?, ?> labels && "gateway".equals(labels.get("bulkhead.dev/role")))
                .map(meta -> (String) meta.get("name"))
                .toList();
        assertEquals(List.of("shop-gateway"), gateways);
    }

    private List<RenderedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }
}
