package dev.bulkhead.mock;

import java.util.Map;

/** Deterministic, realistic-looking ids for mocked AWS and Kubernetes resources (e.g. {@code vpc-0a1b2c...}). */
final class PlausibleIds {

    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", "vpc-"),
            Map.entry("aws:ec2/subnet:Subnet", "subnet-"),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", "sg-"),
            Map.entry("aws:ec2/internetGateway:InternetGateway", "igw-"),
            Map.entry("aws:ec2/natGateway:NatGateway", "nat-"),
            Map.entry("aws:ec2/eip:Eip", "eipalloc-"),
            Map.entry("aws:ec2/routeTable:RouteTable", "rtb-"),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce-"),
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate", "lt-"),
            Map.entry("aws:ec2/instance:Instance", "i-"),
            Map.entry("aws:ec2/flowLog:FlowLog", "fl-"),
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "sg-"));

    private PlausibleIds() {
    }

    static String id(String type, String name, Map<String, Object> inputs) {
        String prefix = PREFIXES.get(type);
        if (prefix != null) {
            return prefix + "0" + PlausibleMocks.hex(type + name, 16);
        }
        if (type.equals("aws:kms/key:Key")) {
            String h = PlausibleMocks.hex(type + name, 32);
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                    + h.substring(16, 20) + "-" + h.substring(20, 32);
        }
        Object physical = inputs.get("name");
        if (physical instanceof String s && !s.isEmpty()) {
            return s;
        }
        return name;
    }
}
