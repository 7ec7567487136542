package dev.bulkhead.network;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The subnets of a {@link SubnetPlan}: per AZ a private one (nodes, pods, interface endpoints) and a public one
 * (ALBs only; nothing launched there gets a public address). Tags tell the AWS Load Balancer Controller which
 * subnets take internet-facing and internal load balancers, and mark both as the cluster's.
 */
final class Subnets {

    static final String ELB_ROLE_TAG = "kubernetes.io/role/elb";
    static final String INTERNAL_ELB_ROLE_TAG = "kubernetes.io/role/internal-elb";

    record Created(List<Subnet> privateSubnets, List<Subnet> publicSubnets) {
    }

    private Subnets() {
    }

    static Created create(Resource parent, String name, NetworkArgs args, Output<String> vpcId, SubnetPlan plan,
                          Output<List<String>> zones) {
        String prefix = Names.stackPrefix(args.stack());
        String clusterTag = "kubernetes.io/cluster/" + args.clusterName();
        List<Subnet> privates = new ArrayList<>();
        List<Subnet> publics = new ArrayList<>();
        for (int az = 0; az < plan.availabilityZones(); az++) {
            Output<String> zone = zoneAt(zones, az);
            privates.add(subnet(parent, Names.logical(name, "private", String.valueOf(az)), args.stack(), vpcId,
                    zone, plan.privateCidrs().get(az), prefix + "-private-",
                    Map.of(INTERNAL_ELB_ROLE_TAG, "1", clusterTag, "shared")));
            publics.add(subnet(parent, Names.logical(name, "public", String.valueOf(az)), args.stack(), vpcId,
                    zone, plan.publicCidrs().get(az), prefix + "-public-",
                    Map.of(ELB_ROLE_TAG, "1", clusterTag, "shared")));
        }
        return new Created(privates, publics);
    }

    private static Subnet subnet(Resource parent, String logicalName, String stack, Output<String> vpcId,
                                 Output<String> zone, String cidr, String namePrefix, Map<String, String> extraTags) {
        return new Subnet(logicalName, SubnetArgs.builder()
                .vpcId(vpcId)
                .availabilityZone(zone)
                .cidrBlock(cidr)
                .mapPublicIpOnLaunch(false)
                .tags(zone.applyValue(z -> AwsTags.of(stack, namePrefix + z, extraTags)))
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    private static Output<String> zoneAt(Output<List<String>> zones, int index) {
        return zones.applyValue(list -> list.get(index));
    }

    static Output<List<String>> ids(List<Subnet> subnets) {
        return Output.all(subnets.stream().map(Subnet::id).toList());
    }
}
