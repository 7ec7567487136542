package dev.bulkhead.operator;

import dev.bulkhead.network.Ipv4Cidr;
import dev.bulkhead.network.SubnetPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * Where pods reach the Kubernetes API of a Bulkhead cluster, as NetworkPolicy address blocks: the
 * {@code kubernetes} Service address (the first of the Service range) and the private subnets, where EKS places
 * the private endpoint's network interfaces. Both come from config, so they are known before anything exists.
 * The subnets are wider than the API server (see {@link OperatorNetworkPolicies}).
 */
public final class ApiServerAddresses {

    private ApiServerAddresses() {
    }

    public static List<String> of(String vpcCidr, int availabilityZones, String serviceCidr) {
        Ipv4Cidr services = Ipv4Cidr.parse(serviceCidr);
        List<String> blocks = new ArrayList<>();
        blocks.add(new Ipv4Cidr(services.address() + 1, 32).toString());
        blocks.addAll(SubnetPlan.of(vpcCidr, availabilityZones).privateCidrs());
        return blocks;
    }
}
