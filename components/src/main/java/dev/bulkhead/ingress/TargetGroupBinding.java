package dev.bulkhead.ingress;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.kubernetes.KubernetesCustomResource;
import dev.bulkhead.kubernetes.KubernetesCustomResourceArgs;
import dev.bulkhead.naming.Names;

import java.util.List;
import java.util.Map;

/**
 * The AWS Load Balancer Controller's binding of the gateway's Service to the project's target group: the controller
 * registers the gateway pods' IPs as targets and opens the nodes' security group to the ALB's security group only,
 * on the public and health ports.
 */
final class TargetGroupBinding {

    static final String API_VERSION = "elbv2.k8s.aws/v1beta1";
    static final String KIND = "TargetGroupBinding";

    private TargetGroupBinding() {
    }

    static KubernetesCustomResource create(String name, String project, Output<String> targetGroupArn,
                                           Output<String> securityGroupId, Provider provider,
                                           List<Resource> gatewayGuards, Resource parent) {
        Output<Map<String, Object>> spec = Output.tuple(targetGroupArn, securityGroupId).applyValue(t -> spec(project, t.t1, t.t2));
        return new KubernetesCustomResource(name, KubernetesCustomResourceArgs.builder()
                .apiVersion(API_VERSION)
                .kind(KIND)
                .metadata(ObjectMetaArgs.builder()
                        .name(GatewayApi.gatewayName(project))
                        .namespace(Names.gatewayNamespace(project))
                        .labels(ProjectEdge.labels(project, GatewayObjects.COMPONENT))
                        .build())
                .spec(spec)
                .build(), CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(gatewayGuards)
                .build());
    }

    static Map<String, Object> spec(String project, String targetGroupArn, String securityGroupId) {
        List<Object> ports = List.of(
                Map.of("protocol", "TCP", "port", GatewayPorts.PUBLIC),
                Map.of("protocol", "TCP", "port", GatewayPorts.HEALTH));
        return Map.of(
                "serviceRef", Map.of("name", GatewayApi.serviceName(project), "port", GatewayPorts.PUBLIC),
                "targetGroupARN", targetGroupArn,
                "targetType", "ip",
                "networking", Map.of("ingress", List.of(Map.of(
                        "from", List.of(Map.of("securityGroup", Map.of("groupID", securityGroupId))),
                        "ports", ports))));
    }
}
