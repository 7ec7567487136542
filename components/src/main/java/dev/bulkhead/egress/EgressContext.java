package dev.bulkhead.egress;

import java.util.List;

/**
 * What a project's egress policies need to know beyond its own rules.
 *
 * @param sharedHosts    the platform shares hosts with every project, so every project may use the waypoint
 * @param internalRanges the VPC and Service ranges, cut out of an explicit allow-any rule
 */
public record EgressContext(boolean sharedHosts, List<String> internalRanges) {

    public EgressContext {
        internalRanges = List.copyOf(internalRanges);
    }

    /** No shared hosts and no known internal ranges. */
    public static EgressContext closed() {
        return new EgressContext(false, List.of());
    }
}
