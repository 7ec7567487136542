package dev.bulkhead.cluster;

import dev.bulkhead.network.Ipv4Cidr;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who may reach the Kubernetes API endpoint. The private endpoint is always on. The public endpoint is off
 * unless {@code publicAccessCidrs} lists networks, and then only those reach it: the internet at large
 * ({@code 0.0.0.0/0}, {@code ::/0}) and anything broader than a /8 are refused. {@code apiClientCidrs} are
 * networks inside or connected to the VPC (a VPN's client range, a CI runner's subnet) admitted to the private
 * endpoint on 443.
 *
 * @param publicAccessCidrs the only networks that reach the public endpoint; empty when it is off
 * @param apiClientCidrs    networks admitted to the private endpoint besides the nodes
 */
public record EndpointAccess(List<String> publicAccessCidrs, List<String> apiClientCidrs) {

    /** Anything broader is refused even when explicitly listed. */
    public static final int BROADEST_PREFIX = 8;

    public EndpointAccess {
        publicAccessCidrs = validate("publicAccessCidrs", publicAccessCidrs);
        apiClientCidrs = validate("apiClientCidrs", apiClientCidrs);
    }

    /** True when the public endpoint is on (restricted to {@link #publicAccessCidrs}). */
    public boolean publicAccess() {
        return !publicAccessCidrs.isEmpty();
    }

    private static List<String> validate(String field, List<String> cidrs) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String cidr : cidrs) {
            String text = cidr == null ? "" : cidr.trim();
            if (text.equals("0.0.0.0/0") || text.equals("::/0")) {
                throw new IllegalArgumentException(field + ": " + text + " would open the Kubernetes API to the"
                        + " whole internet; list the exact networks that need it");
            }
            if (text.contains(":")) {
                throw new IllegalArgumentException(field + ": only IPv4 CIDRs are supported, got " + text);
            }
            Ipv4Cidr parsed;
            try {
                parsed = Ipv4Cidr.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
            }
            if (parsed.prefix() < BROADEST_PREFIX) {
                throw new IllegalArgumentException(field + ": " + text + " is broader than a /" + BROADEST_PREFIX
                        + "; list the exact networks that need the Kubernetes API");
            }
            distinct.add(parsed.toString());
        }
        return List.copyOf(distinct);
    }
}
