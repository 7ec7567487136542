package dev.bulkhead.check;

import dev.bulkhead.netpol.Endpoint;

/**
 * A representative endpoint of the connectivity matrix: a pod standing for a namespace (or for a gateway's pods),
 * or an address outside the cluster.
 *
 * @param name  how reports show it
 * @param group the matrix row/column it belongs to: a project's name, or {@code internet}, {@code platform}
 * @param kind  what it is, which decides which of its flows are declared
 */
public record Probe(String name, String group, Kind kind, Endpoint endpoint) {

    public static final String INTERNET = "internet";
    public static final String PLATFORM = "platform";

    /** What a probe stands for. */
    public enum Kind {
        /** a workload pod of a project namespace */
        WORKLOAD,
        /** the ingress gateway of a project */
        GATEWAY,
        /** the cluster's egress waypoint */
        EGRESS_WAYPOINT,
        /** kube-dns */
        DNS,
        /** the monitoring namespace's Prometheus */
        MONITORING,
        /** istiod */
        ISTIOD,
        /** an address in a public (ALB) subnet */
        ALB_SUBNET,
        /** an address on the internet */
        INTERNET,
        /** an external address a project's CIDR rule names */
        DECLARED_CIDR;

        /** Whether Bulkhead's policies govern this endpoint (a project's or the egress waypoint's pods). */
        public boolean managed() {
            return this == WORKLOAD || this == GATEWAY || this == EGRESS_WAYPOINT;
        }

        public boolean external() {
            return this == ALB_SUBNET || this == INTERNET || this == DECLARED_CIDR;
        }
    }
}
