package dev.bulkhead.cluster;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceRootBlockDeviceArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.naming.Names;
import dev.bulkhead.network.EndpointServices;

import java.util.ArrayList;
import java.util.List;

/**
 * An optional SSM-only bastion for reaching the private API endpoint with a Session Manager port-forward: a
 * small Amazon Linux 2023 instance in a private subnet with no inbound rules, no SSH key and no public address,
 * whose only way out is HTTPS inside the VPC. The Session Manager endpoints it needs (ssm, ssmmessages,
 * ec2messages) come and go with it, behind a security group that admits the bastion alone.
 */
final class Bastion {

    /** The latest Amazon Linux 2023 AMI; a newer image replaces the (stateless) bastion on the next update. */
    static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
    static final String INSTANCE_TYPE = "t3.micro";
    static final int HTTPS = 443;

    /**
     * What the bastion consists of.
     *
     * @param instance      the instance to start sessions on
     * @param securityGroup its security group, which the API endpoint admits
     */
    record Created(Instance instance, SecurityGroup securityGroup) {
    }

    private Bastion() {
    }

    static Created create(Resource parent, String name, ClusterArgs args) {
        String stack = args.stack();
        String physical = Names.stackPrefix(stack) + "-bastion";
        String logical = Names.logical(name, "bastion");
        var securityGroup = new SecurityGroup(logical, SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .name(physical)
                .description("SSM-only bastion: no inbound, HTTPS inside the VPC out")
                .ingress(List.of())
                .egress(List.of(SecurityGroupEgressArgs.builder()
                        .description("HTTPS to the Session Manager endpoints and the API endpoint")
                        .protocol("tcp").fromPort(HTTPS).toPort(HTTPS)
                        .cidrBlocks(List.of(args.vpcCidr()))
                        .build()))
                .tags(AwsTags.of(stack, physical))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        List<VpcEndpoint> endpoints = sessionManagerEndpoints(parent, logical, args, physical, securityGroup);

        Role role = ClusterRoles.role(parent, logical, stack, "bastion", ServiceTrust.forService("ec2.amazonaws.com"));
        List<RolePolicyAttachment> policies = ClusterRoles.attach(parent, logical, role, ManagedPolicies.BASTION_ROLE);
        var profile = new InstanceProfile(logical, InstanceProfileArgs.builder()
                .name(Names.iamRole(stack, "bastion"))
                .role(role.name())
                .tags(AwsTags.of(stack, Names.iamRole(stack, "bastion")))
                .build(), CustomResourceOptions.builder().parent(parent).build());

        List<Resource> waitFor = new ArrayList<>(endpoints);
        waitFor.addAll(policies);
        var instance = new Instance(logical, InstanceArgs.builder()
                .ami(ami(parent))
                .instanceType(INSTANCE_TYPE)
                .subnetId(args.privateSubnetIds().applyValue(ids -> ids.get(0)))
                .associatePublicIpAddress(false)
                .vpcSecurityGroupIds(securityGroup.id().applyValue(List::of))
                .iamInstanceProfile(profile.name())
                .metadataOptions(InstanceMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        .httpPutResponseHopLimit(1)
                        .build())
                .rootBlockDevice(InstanceRootBlockDeviceArgs.builder()
                        .volumeType("gp3")
                        .encrypted(true)
                        .deleteOnTermination(true)
                        .build())
                .tags(AwsTags.of(stack, physical))
                .volumeTags(AwsTags.of(stack, physical))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(waitFor).build());
        return new Created(instance, securityGroup);
    }

    private static List<VpcEndpoint> sessionManagerEndpoints(Resource parent, String logical, ClusterArgs args,
                                                             String physical, SecurityGroup bastion) {
        var endpointGroup = new SecurityGroup(Names.logical(logical, "endpoints"), SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .name(physical + "-endpoints")
                .description("Session Manager endpoints: HTTPS from the bastion only")
                .ingress(List.of(SecurityGroupIngressArgs.builder()
                        .description("HTTPS from the bastion")
                        .protocol("tcp").fromPort(HTTPS).toPort(HTTPS)
                        .securityGroups(bastion.id().applyValue(List::of))
                        .build()))
                .egress(List.of())
                .tags(AwsTags.of(args.stack(), physical + "-endpoints"))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        return EndpointServices.SESSION_MANAGER.stream().map(service -> new VpcEndpoint(
                Names.logical(logical, "endpoint", service), VpcEndpointArgs.builder()
                        .vpcId(args.vpcId())
                        .serviceName(EndpointServices.serviceName(parent, service))
                        .vpcEndpointType("Interface")
                        .privateDnsEnabled(true)
                        .subnetIds(args.privateSubnetIds())
                        .securityGroupIds(endpointGroup.id().applyValue(List::of))
                        .tags(AwsTags.of(args.stack(), physical + "-" + service))
                        .build(), CustomResourceOptions.builder().parent(parent).build())).toList();
    }

    private static Output<String> ami(Resource parent) {
        return SsmFunctions.getParameter(GetParameterArgs.builder().name(AMI_PARAMETER).build(),
                        new InvokeOutputOptions(parent, null, null, List.of()))
                .applyValue(p -> p.value());
    }
}
