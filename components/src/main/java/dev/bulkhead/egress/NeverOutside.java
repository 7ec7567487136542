package dev.bulkhead.egress;

import dev.bulkhead.network.Ipv4Cidr;

import java.util.ArrayList;
import java.util.List;

/**
 * The address ranges that are never "outside": the RFC 1918 and shared (CGNAT) private ranges, link-local (the
 * instance metadata service and the Pod Identity agent live there), and the cluster's own VPC and Service ranges
 * when they fall outside those. Cut out of every rule that opens the internet, so that "any address" never includes
 * the cluster, its neighbours or its node's credentials.
 */
public final class NeverOutside {

    public static final List<String> PRIVATE_RANGES = List.of(
            "10.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16");

    private NeverOutside() {
    }

    /** {@link #PRIVATE_RANGES} plus each of {@code clusterRanges} not already inside one of them. */
    public static List<String> ranges(List<String> clusterRanges) {
        List<String> out = new ArrayList<>(PRIVATE_RANGES);
        for (String range : clusterRanges) {
            if (PRIVATE_RANGES.stream().noneMatch(p -> contains(p, range)) && !out.contains(range)) {
                out.add(range);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The ranges of {@link #ranges} that lie strictly inside {@code block}: what a rule for {@code block} must
     * except. A block inside one of the ranges has nothing to reach; the config refuses such rules.
     */
    public static List<String> inside(String block, List<String> clusterRanges) {
        List<String> out = new ArrayList<>();
        for (String range : ranges(clusterRanges)) {
            if (!range.equals(block) && contains(block, range)) {
                out.add(range);
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }

    static boolean contains(String outer, String inner) {
        return Ipv4Cidr.parse(outer).contains(Ipv4Cidr.parse(inner));
    }
}
