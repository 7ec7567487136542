package dev.bulkhead.config;

import dev.bulkhead.model.NetworkSpec;

import java.util.List;

import static dev.bulkhead.config.ConfigReader.quote;

/** Reads {@code bulkhead:network}: the VPC. */
final class NetworkSection {

    static final String KEY = "bulkhead:network";
    static final List<String> KEYS = List.of("cidr", "availabilityZones", "singleNatGateway", "flowLogRetentionDays");

    /** Large enough for nodes and pods in every AZ (the VPC CNI gives pods VPC addresses), small enough to plan. */
    static final int MIN_PREFIX = 16;
    static final int MAX_PREFIX = 20;
    static final String CIDR_EXAMPLE = "10.40.0.0/16";
    /** EKS needs subnets in at least two availability zones. */
    static final int MIN_AZS = 2;
    static final int MAX_AZS = 6;
    static final int DEFAULT_AZS = 3;

    private NetworkSection() {
    }

    static NetworkSpec read(Checks checks, Fields root) {
        Fields f = root.fields(KEY, KEYS, true);
        String cidr = null;
        Node cidrNode = f.required("cidr", "an IPv4 CIDR from /" + MIN_PREFIX + " to /" + MAX_PREFIX + ", e.g. " + CIDR_EXAMPLE);
        if (cidrNode != null) {
            Cidr parsed = checks.cidr(cidrNode, CIDR_EXAMPLE);
            if (parsed != null && (parsed.prefix() < MIN_PREFIX || parsed.prefix() > MAX_PREFIX)) {
                checks.reader().error(cidrNode.path(), quote(parsed.toString()) + " has prefix /" + parsed.prefix()
                        + "; the VPC needs a prefix from /" + MIN_PREFIX + " to /" + MAX_PREFIX + ", e.g. " + CIDR_EXAMPLE);
            } else if (parsed != null && !AddressRanges.inside(parsed, AddressRanges.PRIVATE)) {
                checks.reader().error(cidrNode.path(), quote(parsed.toString()) + " is not private address space: "
                        + "the cluster's nodes and pods would take addresses that belong to someone on the internet, "
                        + "which they then could not reach; use a block inside " + AddressRanges.PRIVATE + ", e.g. "
                        + CIDR_EXAMPLE);
            } else if (parsed != null) {
                cidr = parsed.toString();
            }
        }
        int zones = f.integer("availabilityZones", DEFAULT_AZS);
        checks.range(f.node("availabilityZones"), zones, MIN_AZS, MAX_AZS, "EKS needs at least two availability zones");
        boolean singleNat = f.bool("singleNatGateway", false);
        int retention = f.integer("flowLogRetentionDays", CloudWatchRetention.DEFAULT_DAYS);
        CloudWatchRetention.check(checks.reader(), f.node("flowLogRetentionDays"), retention);
        return new NetworkSpec(cidr, zones, singleNat, retention);
    }
}
