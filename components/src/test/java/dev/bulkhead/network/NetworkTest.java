package dev.bulkhead.network;

import dev.bulkhead.testing.MockedStack;
import dev.bulkhead.model.NetworkSpec;
import dev.bulkhead.mock.RecordedResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.bulkhead.testing.MockedStack.list;
import static dev.bulkhead.testing.MockedStack.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkTest {

    static final String VPC = "aws:ec2/vpc:Vpc";
    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String NAT = "aws:ec2/natGateway:NatGateway";
    static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    static final String SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    static final String CLUSTER_NAME = "bulkhead-dev";

    @AfterEach
    void cleanup() {
        MockedStack.cleanup();
    }

    static MockedStack<Network> network(NetworkSpec spec) {
        return MockedStack.run(() -> new Network("network", NetworkArgs.builder()
                .stack("dev").clusterName(CLUSTER_NAME).spec(spec).build(), null)).assertNoErrors();
    }

    static NetworkSpec spec(int azs, boolean singleNat) {
        return new NetworkSpec("10.40.0.0/16", azs, singleNat, 90);
    }

    @Test
    void vpcHasDnsSupportAndHostnames() {
        var run = network(spec(3, false));
        var vpc = run.get(VPC, "network-vpc").inputs();
        assertEquals("10.40.0.0/16", vpc.get("cidrBlock"));
        assertEquals(true, vpc.get("enableDnsHostnames"));
        assertEquals(true, vpc.get("enableDnsSupport"));
        assertEquals("dev", map(vpc.get("tags")).get("bulkhead:stack"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void subnetsFollowThePlanInDistinctZones(int azs) {
        var run = network(spec(azs, false));
        SubnetPlan plan = SubnetPlan.of("10.40.0.0/16", azs);
        Set<String> zones = new HashSet<>();
        for (int az = 0; az < azs; az++) {
            var priv = run.get(SUBNET, "network-private-" + az).inputs();
            var pub = run.get(SUBNET, "network-public-" + az).inputs();
            assertEquals(plan.privateCidrs().get(az), priv.get("cidrBlock"));
            assertEquals(plan.publicCidrs().get(az), pub.get("cidrBlock"));
            assertEquals(priv.get("availabilityZone"), pub.get("availabilityZone"));
            assertTrue(zones.add((String) priv.get("availabilityZone")), "AZs must differ");
            assertEquals(false, pub.get("mapPublicIpOnLaunch"));
        }
        assertEquals(2 * azs, run.ofType(SUBNET).size());
        assertEquals(plan.publicCidrs(), run.value.publicSubnetCidrs());
        assertEquals(plan.privateCidrs(), run.value.privateSubnetCidrs());
        assertEquals(azs, MockedStack.extract(run.value.privateSubnetIds()).size());
        assertEquals(azs, MockedStack.extract(run.value.publicSubnetIds()).size());
    }

    @Test
    void zonesAreTheFirstOfTheRegion() {
        var run = network(spec(3, false));
        assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"),
                MockedStack.extract(run.value.availabilityZones()));
    }

    @Test
    void subnetsAreTaggedForTheLoadBalancerControllerAndTheCluster() {
        var run = network(spec(2, false));
        for (RecordedResource subnet : run.ofType(SUBNET)) {
            Map<String, Object> tags = map(subnet.inputs().get("tags"));
            assertEquals("shared", tags.get("kubernetes.io/cluster/" + CLUSTER_NAME), subnet.name());
            assertEquals("dev", tags.get("bulkhead:stack"));
            boolean isPublic = subnet.name().startsWith("network-public-");
            assertEquals(isPublic ? "1" : null, tags.get("kubernetes.io/role/elb"), subnet.name());
            assertEquals(isPublic ? null : "1", tags.get("kubernetes.io/role/internal-elb"), subnet.name());
        }
    }

    @Test
    void oneNatGatewayPerZoneByDefault() {
        var run = network(spec(3, false));
        assertEquals(3, run.ofType(NAT).size());
        assertEquals(3, run.ofType("aws:ec2/routeTable:RouteTable").stream()
                .filter(r -> r.name().startsWith("network-private-")).count());
    }

    @Test
    void aSingleSharedNatGatewayWhenAsked() {
        var run = network(spec(3, true));
        assertEquals(1, run.ofType(NAT).size());
        assertEquals(3, run.ofType("aws:ec2/route:Route").stream()
                .filter(r -> r.name().endsWith("-nat")).count());
    }

    @Test
    void interfaceEndpointsForEveryServiceAPrivateClusterNeedsAndAnS3Gateway() {
        var run = network(spec(2, false));
        for (String service : List.of("sts", "ecr.api", "ecr.dkr", "ec2", "logs", "elasticloadbalancing",
                "eks-auth")) {
            var endpoint = run.get(ENDPOINT, "network-endpoint-" + service).inputs();
            assertEquals("com.amazonaws.eu-west-1." + service, endpoint.get("serviceName"));
            assertEquals("Interface", endpoint.get("vpcEndpointType"));
            assertEquals(true, endpoint.get("privateDnsEnabled"));
            assertEquals(MockedStack.extract(run.value.privateSubnetIds()), endpoint.get("subnetIds"));
            assertEquals(List.of(MockedStack.extract(run.value.endpointSecurityGroupId())),
                    endpoint.get("securityGroupIds"));
        }
        var s3 = run.get(ENDPOINT, "network-endpoint-s3").inputs();
        assertEquals("com.amazonaws.eu-west-1.s3", s3.get("serviceName"));
        assertEquals("Gateway", s3.get("vpcEndpointType"));
        assertEquals(2, list(s3.get("routeTableIds")).size());
        assertEquals(8, run.ofType(ENDPOINT).size(), "no SSM endpoints without the bastion");
    }

    @Test
    void endpointSecurityGroupAdmitsOnlyHttpsFromTheVpc() {
        var run = network(spec(2, false));
        var sg = run.get(SECURITY_GROUP, "network-endpoints").inputs();
        List<Object> ingress = list(sg.get("ingress"));
        assertEquals(1, ingress.size());
        var rule = map(ingress.get(0));
        assertEquals("tcp", rule.get("protocol"));
        assertEquals(443.0, rule.get("fromPort"));
        assertEquals(443.0, rule.get("toPort"));
        assertEquals(List.of("10.40.0.0/16"), rule.get("cidrBlocks"));
        assertTrue(list(sg.getOrDefault("egress", List.of())).isEmpty());
    }

    @Test
    void flowLogsGoToALogGroupWithTheConfiguredRetention() {
        var run = network(new NetworkSpec("10.40.0.0/16", 2, false, 365));
        var group = run.get("aws:cloudwatch/logGroup:LogGroup", "network-flow-logs").inputs();
        assertEquals(365.0, group.get("retentionInDays"));
        var flowLog = run.get("aws:ec2/flowLog:FlowLog", "network-flow-logs").inputs();
        assertEquals("ALL", flowLog.get("trafficType"));
        assertEquals("cloud-watch-logs", flowLog.get("logDestinationType"));
        assertTrue(((String) flowLog.get("logDestination")).endsWith(":log-group:/aws/vpc/flow-logs/bulkhead-dev"));
        String trust = (String) run.get("aws:iam/role:Role", "network-flow-logs").inputs().get("assumeRolePolicy");
        assertTrue(trust.contains("vpc-flow-logs.amazonaws.com") && trust.contains("aws:SourceAccount"), trust);
        String policy = (String) run.get("aws:iam/rolePolicy:RolePolicy", "network-flow-logs").inputs().get("policy");
        assertFalse(policy.contains("\"Resource\":\"*\""), policy);
    }

    @Test
    void defaultSecurityGroupIsStrippedOfAllRules() {
        var run = network(spec(2, false));
        var sg = run.get("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "network-default-sg").inputs();
        assertTrue(list(sg.getOrDefault("ingress", List.of())).isEmpty());
        assertTrue(list(sg.getOrDefault("egress", List.of())).isEmpty());
    }

    @Test
    void everythingTaggedIsTaggedWithTheStackAndAName() {
        var run = network(spec(2, false));
        for (RecordedResource r : run.mocks.recorded().values()) {
            if (r.inputs().get("tags") instanceof Map<?, ?> tags) {
                assertEquals("dev", tags.get("bulkhead:stack"), r.name());
                assertTrue(tags.get("Name") instanceof String s && !s.isEmpty(), r.name());
            }
        }
    }
}
