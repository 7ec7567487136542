package dev.bulkhead.cluster;

import dev.bulkhead.testing.MockedStack;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.bulkhead.model.ClusterSpec;
import dev.bulkhead.model.NetworkSpec;
import dev.bulkhead.model.NodeGroupSpec;
import dev.bulkhead.model.Taint;
import dev.bulkhead.naming.Names;
import dev.bulkhead.network.Network;
import dev.bulkhead.network.NetworkArgs;
import dev.bulkhead.protection.Protection;

import java.util.List;
import java.util.Map;

/** A network and a cluster on it, built the way the program wires them. */
record ClusterFixture(Network network, Cluster cluster) {

    static final String ADMIN_ROLE = "arn:aws:iam::111122223333:role/bulkhead-dev-admin";

    static NodeGroupSpec general() {
        return new NodeGroupSpec("general", List.of("m6i.large"), 2, 3, 6, 50, Map.of(), List.of());
    }

    static NodeGroupSpec batch() {
        return new NodeGroupSpec("batch", List.of("c7g.2xlarge", "m7g.2xlarge"), 0, 0, 4, 100,
                Map.of("workload", "batch"), List.of(new Taint("workload", "batch", "NO_SCHEDULE")));
    }

    static ClusterSpec spec() {
        return new ClusterSpec("1.31", List.of(), "172.20.0.0/16", List.of(general(), batch()), 90, false, false);
    }

    static ClusterSpec withPublicCidrs(ClusterSpec s, List<String> cidrs) {
        return new ClusterSpec(s.kubernetesVersion(), cidrs, s.serviceCidr(), s.nodeGroups(), s.logRetentionDays(),
                s.bastion(), s.production());
    }

    static ClusterSpec withBastion(ClusterSpec s) {
        return new ClusterSpec(s.kubernetesVersion(), s.publicAccessCidrs(), s.serviceCidr(), s.nodeGroups(),
                s.logRetentionDays(), true, s.production());
    }

    static ClusterSpec production(ClusterSpec s) {
        return new ClusterSpec(s.kubernetesVersion(), s.publicAccessCidrs(), s.serviceCidr(), s.nodeGroups(),
                s.logRetentionDays(), s.bastion(), true);
    }

    static MockedStack<ClusterFixture> run(ClusterSpec spec) {
        return run(spec, 3, List.of());
    }

    static MockedStack<ClusterFixture> run(ClusterSpec spec, int zones, List<String> apiClientCidrs) {
        return run(spec, zones, apiClientCidrs, false);
    }

    /** With {@code protect}, the network and the cluster get the program's protection, as a protected stack does. */
    static MockedStack<ClusterFixture> run(ClusterSpec spec, int zones, List<String> apiClientCidrs, boolean protect) {
        var options = ComponentResourceOptions.builder()
                .resourceTransformations(Protection.statefulResources(protect)).build();
        return MockedStack.run(() -> {
            var network = new Network("network", NetworkArgs.builder()
                    .stack("dev")
                    .clusterName(Names.cluster("dev"))
                    .spec(new NetworkSpec("10.40.0.0/16", zones, true, 30))
                    .build(), options);
            var cluster = new Cluster("cluster", ClusterArgs.builder()
                    .stack("dev")
                    .region(MockedStack.REGION)
                    .spec(spec)
                    .vpcId(network.vpcId())
                    .vpcCidr(network.vpcCidr())
                    .privateSubnetIds(network.privateSubnetIds())
                    .adminRoleArn(Output.of(ADMIN_ROLE))
                    .apiClientCidrs(apiClientCidrs)
                    .build(), options);
            return new ClusterFixture(network, cluster);
        });
    }
}
