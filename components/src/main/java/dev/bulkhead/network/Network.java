package dev.bulkhead.network;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.model.NetworkSpec;
import dev.bulkhead.naming.Names;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The VPC the platform lives in: private subnets for nodes and pods, public subnets for the projects' ALBs only,
 * NAT, the VPC endpoints a private cluster needs, flow logs, and a default security group that admits nothing.
 */
public final class Network extends ComponentResource {

    public static final String TYPE = "bulkhead:network:Network";

    private final SubnetPlan plan;
    private final Output<String> vpcId;
    private final Output<List<String>> availabilityZones;
    private final Output<List<String>> privateSubnetIds;
    private final Output<List<String>> publicSubnetIds;
    private final Output<String> endpointSecurityGroupId;

    public Network(String name, NetworkArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        NetworkSpec spec = args.spec();
        this.plan = SubnetPlan.of(spec.cidr(), spec.availabilityZones());
        this.availabilityZones = AvailabilityZones.first(spec.availabilityZones(), this);

        Vpc vpc = createVpc(name, args);
        stripDefaultSecurityGroup(name, args.stack(), vpc);
        Subnets.Created subnets = Subnets.create(this, name, args, vpc.id(), plan, availabilityZones);
        List<RouteTable> privateRouteTables = Routing.create(this, name, args.stack(), vpc.id(), subnets,
                spec.singleNatGateway());
        this.privateSubnetIds = Subnets.ids(subnets.privateSubnets());
        this.publicSubnetIds = Subnets.ids(subnets.publicSubnets());
        SecurityGroup endpoints = Endpoints.create(this, name, args.stack(), vpc.id(), spec.cidr(), privateSubnetIds,
                privateRouteTables);
        FlowLogs.create(this, name, args.stack(), vpc.id(), spec.flowLogRetentionDays());

        this.vpcId = vpc.id();
        this.endpointSecurityGroupId = endpoints.id();
        registerOutputs(Map.of(
                "vpcId", vpcId,
                "availabilityZones", availabilityZones,
                "privateSubnetIds", privateSubnetIds,
                "publicSubnetIds", publicSubnetIds,
                "privateSubnetCidrs", Output.of(privateSubnetCidrs()),
                "publicSubnetCidrs", Output.of(publicSubnetCidrs()),
                "endpointSecurityGroupId", endpointSecurityGroupId));
    }

    private Vpc createVpc(String name, NetworkArgs args) {
        return new Vpc(Names.logical(name, "vpc"), VpcArgs.builder()
                .cidrBlock(args.spec().cidr())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .tags(AwsTags.of(args.stack(), Names.stackPrefix(args.stack())))
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** Adopts the VPC's default security group and removes all its rules, so nothing can use it by accident. */
    private void stripDefaultSecurityGroup(String name, String stack, Vpc vpc) {
        new DefaultSecurityGroup(Names.logical(name, "default-sg"), DefaultSecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .ingress(List.of())
                .egress(List.of())
                .tags(AwsTags.of(stack, Names.stackPrefix(stack) + "-default-deny"))
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    /** The VPC's CIDR, known at plan time. */
    public String vpcCidr() {
        return plan.vpc().toString();
    }

    /** The AZ names the subnets are in, in subnet order. */
    public Output<List<String>> availabilityZones() {
        return availabilityZones;
    }

    /** Private subnets (nodes, pods, endpoints), one per AZ in AZ order. */
    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds;
    }

    /** Public subnets (ALBs only), one per AZ in AZ order. */
    public Output<List<String>> publicSubnetIds() {
        return publicSubnetIds;
    }

    /** CIDRs of the private subnets, known at plan time. */
    public List<String> privateSubnetCidrs() {
        return plan.privateCidrs();
    }

    /** CIDRs of the public (ALB) subnets, known at plan time so NetworkPolicies can name them. */
    public List<String> publicSubnetCidrs() {
        return plan.publicCidrs();
    }

    /** The security group of the interface endpoints (HTTPS from the VPC). */
    public Output<String> endpointSecurityGroupId() {
        return endpointSecurityGroupId;
    }
}
