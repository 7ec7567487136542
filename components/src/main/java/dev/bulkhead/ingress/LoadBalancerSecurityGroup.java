package dev.bulkhead.ingress;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * The ALB's own security group: HTTPS (443) from anywhere, HTTP (80) from anywhere only because its listener does
 * nothing but redirect, and egress only to the private subnets (where the gateway pods have their addresses) on the
 * gateway's public port and health port. Rules are separate resources, so nothing else is implied.
 */
final class LoadBalancerSecurityGroup {

    static final String ANYWHERE = "0.0.0.0/0";

    private final SecurityGroup group;

    LoadBalancerSecurityGroup(String name, String stack, String project, Output<String> vpcId,
                              List<String> privateSubnetCidrs, Resource parent) {
        var options = CustomResourceOptions.builder().parent(parent).build();
        this.group = new SecurityGroup(name, SecurityGroupArgs.builder()
                .description("ALB of project " + project + ": HTTPS in, the project's gateway out")
                .vpcId(vpcId)
                .revokeRulesOnDelete(true)
                .tags(AwsTags.of(stack, project, name))
                .build(), options);
        ingress(name + "-https", 443, "HTTPS from the internet", options);
        ingress(name + "-http", 80, "HTTP from the internet, redirected to HTTPS", options);
        for (int i = 0; i < privateSubnetCidrs.size(); i++) {
            String cidr = privateSubnetCidrs.get(i);
            for (int port : List.of(GatewayPorts.PUBLIC, GatewayPorts.HEALTH)) {
                new SecurityGroupEgressRule(name + "-to-gateway-" + port + "-" + i, SecurityGroupEgressRuleArgs.builder()
                        .securityGroupId(group.id())
                        .description("to the gateway pods, port " + port)
                        .ipProtocol("tcp").fromPort(port).toPort(port)
                        .cidrIpv4(cidr)
                        .build(), options);
            }
        }
    }

    Output<String> id() {
        return group.id();
    }

    private void ingress(String name, int port, String description, CustomResourceOptions options) {
        new SecurityGroupIngressRule(name, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(group.id())
                .description(description)
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .cidrIpv4(ANYWHERE)
                .build(), options);
    }
}
