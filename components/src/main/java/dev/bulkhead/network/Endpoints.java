package dev.bulkhead.network;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.naming.Names;

import java.util.List;

/**
 * The VPC endpoints that let nodes and pods reach AWS APIs without the internet: an interface endpoint per
 * {@link EndpointServices#CLUSTER_INTERFACE} service in the private subnets (with private DNS, so the usual
 * hostnames resolve to them), behind a security group that admits HTTPS from the VPC only, and an S3 gateway
 * endpoint on the private route tables.
 */
final class Endpoints {

    static final int HTTPS = 443;

    private Endpoints() {
    }

    /** Creates the endpoints; returns the security group they sit behind. */
    static SecurityGroup create(Resource parent, String name, String stack, Output<String> vpcId, String vpcCidr,
                                Output<List<String>> privateSubnetIds, List<RouteTable> privateRouteTables) {
        String prefix = Names.stackPrefix(stack);
        var securityGroup = new SecurityGroup(Names.logical(name, "endpoints"), SecurityGroupArgs.builder()
                .vpcId(vpcId)
                .name(prefix + "-vpc-endpoints")
                .description("VPC interface endpoints: HTTPS from inside the VPC only")
                .ingress(List.of(SecurityGroupIngressArgs.builder()
                        .description("HTTPS from the VPC")
                        .protocol("tcp")
                        .fromPort(HTTPS)
                        .toPort(HTTPS)
                        .cidrBlocks(List.of(vpcCidr))
                        .build()))
                .egress(List.of())
                .tags(AwsTags.of(stack, prefix + "-vpc-endpoints"))
                .build(), CustomResourceOptions.builder().parent(parent).build());

        for (String service : EndpointServices.CLUSTER_INTERFACE) {
            new VpcEndpoint(Names.logical(name, "endpoint", service), VpcEndpointArgs.builder()
                    .vpcId(vpcId)
                    .serviceName(EndpointServices.serviceName(parent, service))
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(privateSubnetIds)
                    .securityGroupIds(securityGroup.id().applyValue(List::of))
                    .tags(AwsTags.of(stack, prefix + "-" + service))
                    .build(), CustomResourceOptions.builder().parent(parent).build());
        }
        Output<List<String>> routeTableIds = Output.all(privateRouteTables.stream().map(RouteTable::id).toList());
        for (String service : EndpointServices.CLUSTER_GATEWAY) {
            new VpcEndpoint(Names.logical(name, "endpoint", service), VpcEndpointArgs.builder()
                    .vpcId(vpcId)
                    .serviceName(EndpointServices.serviceName(parent, service))
                    .vpcEndpointType("Gateway")
                    .routeTableIds(routeTableIds)
                    .tags(AwsTags.of(stack, prefix + "-" + service))
                    .build(), CustomResourceOptions.builder().parent(parent).build());
        }
        return securityGroup;
    }
}
