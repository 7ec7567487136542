package dev.bulkhead.model;

/** One entry of a project's egress allow-list: a DNS host or an IPv4 CIDR, always with a port. */
public sealed interface EgressRule permits EgressRule.Host, EgressRule.Cidr {

    int port();

    /** A DNS name (wildcards like {@code *.example.com} allowed) reached through the egress waypoint. */
    record Host(String host, int port, boolean tlsOrigination) implements EgressRule {
    }

    /** An IPv4 CIDR reached directly; {@code allowAny} must be set for {@code 0.0.0.0/0}. */
    record Cidr(String cidr, int port, boolean allowAny) implements EgressRule {
    }
}
