package dev.bulkhead.model;

/**
 * The VPC: its CIDR, how many availability zones it spans, and how NAT and flow logs are set up.
 *
 * @param cidr                 IPv4 CIDR of the VPC, e.g. {@code 10.40.0.0/16}
 * @param availabilityZones    number of AZs (2 to 6, as EKS needs two); one private and one public subnet in each
 * @param singleNatGateway     one shared NAT gateway instead of one per AZ (cheaper, less available)
 * @param flowLogRetentionDays CloudWatch retention of the VPC flow logs
 */
public record NetworkSpec(String cidr, int availabilityZones, boolean singleNatGateway, int flowLogRetentionDays) {
}
