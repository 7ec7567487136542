package dev.bulkhead.network;

import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.naming.Names;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The VPC the platform lives in: private subnets for nodes and pods, public subnets for the projects' ALBs only,
 * NAT, and the VPC endpoints a private cluster needs.
 */
public final class Network extends ComponentResource {

    public static final String TYPE = "bulkhead:network:Network";

    private final Output<String> vpcId;
    private final String vpcCidr;
    private final Output<List<String>> privateSubnetIds;
    private final Output<List<String>> publicSubnetIds;
    private final List<String> publicSubnetCidrs;

    public Network(String name, NetworkArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(args.spec().cidr())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .tags(Map.of("Name", Names.stackPrefix(args.stack())))
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.vpcId = vpc.id();
        this.vpcCidr = args.spec().cidr();
        this.privateSubnetIds = Output.of(List.of());
        this.publicSubnetIds = Output.of(List.of());
        this.publicSubnetCidrs = List.of();
        registerOutputs(Map.of("vpcId", vpcId));
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    /** The VPC's CIDR, known at plan time. */
    public String vpcCidr() {
        return vpcCidr;
    }

    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds;
    }

    public Output<List<String>> publicSubnetIds() {
        return publicSubnetIds;
    }

    /** CIDRs of the public (ALB) subnets, known at plan time so NetworkPolicies can name them. */
    public List<String> publicSubnetCidrs() {
        return publicSubnetCidrs;
    }
}
