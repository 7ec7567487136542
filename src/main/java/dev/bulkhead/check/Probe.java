package dev.bulkhead.check;

import dev.bulkhead.netpol.Endpoint;

/**
 * A representative endpoint of the connectivity matrix: a pod standing for a namespace, a workload or a gateway's
 * pods, or an address outside the cluster.
 *
 * @param name     how reports show it
 * @param group    the matrix row/column it belongs to: a project's name, or {@code internet}, {@code platform}
 * @param kind     what it is, which decides how its flows are matched to the declared ones
 * @param party    the pod or address, with its identity
 * @param question how {@code reach} names exactly this endpoint, e.g. {@code namespace:shop-web}
 */
public record Probe(String name, String group, Kind kind, Party party, String question) {

    public static final String INTERNET = "internet";
    public static final String PLATFORM = "platform";

    public Endpoint endpoint() {
        return party.endpoint();
    }

    /** What a probe stands for. */
    public enum Kind {
        /** a pod of a project namespace: its representative, or a rendered workload's pods */
        WORKLOAD,
        /** the ingress gateway of a project */
        GATEWAY,
        /** a waypoint of a project namespace */
        WAYPOINT,
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
        /** an address in a block that a NetworkPolicy names (a project's CIDR egress, say) */
        DECLARED_CIDR;

        /** Whether Bulkhead's policies govern this endpoint (a project's or the egress waypoint's pods). */
        public boolean managed() {
            return this == WORKLOAD || this == GATEWAY || this == WAYPOINT || this == EGRESS_WAYPOINT;
        }

        public boolean external() {
            return this == ALB_SUBNET || this == INTERNET || this == DECLARED_CIDR;
        }
    }
}
