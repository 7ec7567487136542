package dev.bulkhead.network;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.List;

/**
 * How traffic leaves the VPC: public subnets route to an internet gateway; each private subnet routes to a NAT
 * gateway in a public subnet, its own AZ's by default (an AZ outage does not cut the others off), or a single
 * shared one when the spec asks for the cheaper layout.
 */
final class Routing {

    static final String ANYWHERE = "0.0.0.0/0";

    private Routing() {
    }

    /** Creates gateways, route tables and routes; returns the private route tables, one per AZ. */
    static List<RouteTable> create(Resource parent, String name, String stack, Output<String> vpcId,
                                   Subnets.Created subnets, boolean singleNatGateway) {
        String prefix = Names.stackPrefix(stack);
        var igw = new InternetGateway(Names.logical(name, "igw"), InternetGatewayArgs.builder()
                .vpcId(vpcId)
                .tags(AwsTags.of(stack, prefix + "-igw"))
                .build(), child(parent));

        var publicTable = new RouteTable(Names.logical(name, "public"), RouteTableArgs.builder()
                .vpcId(vpcId)
                .tags(AwsTags.of(stack, prefix + "-public"))
                .build(), child(parent));
        new Route(Names.logical(name, "public", "internet"), RouteArgs.builder()
                .routeTableId(publicTable.id())
                .destinationCidrBlock(ANYWHERE)
                .gatewayId(igw.id())
                .build(), child(parent));
        for (int az = 0; az < subnets.publicSubnets().size(); az++) {
            associate(parent, Names.logical(name, "public", String.valueOf(az)), publicTable,
                    subnets.publicSubnets().get(az));
        }

        int natCount = singleNatGateway ? 1 : subnets.publicSubnets().size();
        List<NatGateway> nats = new ArrayList<>();
        for (int az = 0; az < natCount; az++) {
            String index = String.valueOf(az);
            var dependsOnIgw = CustomResourceOptions.builder().parent(parent).dependsOn(List.of(igw)).build();
            var eip = new Eip(Names.logical(name, "nat", index), EipArgs.builder()
                    .domain("vpc")
                    .tags(AwsTags.of(stack, prefix + "-nat-" + index))
                    .build(), dependsOnIgw);
            nats.add(new NatGateway(Names.logical(name, "nat", index), NatGatewayArgs.builder()
                    .allocationId(eip.id())
                    .subnetId(subnets.publicSubnets().get(az).id())
                    .tags(AwsTags.of(stack, prefix + "-nat-" + index))
                    .build(), dependsOnIgw));
        }

        List<RouteTable> privateTables = new ArrayList<>();
        for (int az = 0; az < subnets.privateSubnets().size(); az++) {
            String index = String.valueOf(az);
            var table = new RouteTable(Names.logical(name, "private", index), RouteTableArgs.builder()
                    .vpcId(vpcId)
                    .tags(AwsTags.of(stack, prefix + "-private-" + index))
                    .build(), child(parent));
            new Route(Names.logical(name, "private", index, "nat"), RouteArgs.builder()
                    .routeTableId(table.id())
                    .destinationCidrBlock(ANYWHERE)
                    .natGatewayId(nats.get(singleNatGateway ? 0 : az).id())
                    .build(), child(parent));
            associate(parent, Names.logical(name, "private", index), table, subnets.privateSubnets().get(az));
            privateTables.add(table);
        }
        return privateTables;
    }

    private static void associate(Resource parent, String logicalName, RouteTable table, Subnet subnet) {
        new RouteTableAssociation(logicalName, RouteTableAssociationArgs.builder()
                .routeTableId(table.id())
                .subnetId(subnet.id())
                .build(), child(parent));
    }

    private static CustomResourceOptions child(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).build();
    }
}
