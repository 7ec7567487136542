package dev.bulkhead.model;

import java.util.List;

/**
 * The EKS control plane and its nodes.
 *
 * @param kubernetesVersion   EKS version, e.g. {@code "1.31"}
 * @param publicAccessCidrs   empty for a private-only endpoint; otherwise exactly these CIDRs may reach it
 * @param serviceCidr         the cluster's Service IP range; must not overlap the VPC
 * @param nodeGroups          managed node groups, at least one
 * @param logRetentionDays    CloudWatch retention of the control-plane logs
 * @param bastion             an SSM-only bastion in a private subnet, for port-forwarding to the endpoint
 * @param production          deletion protection and the extended upgrade policy on
 * @param apiClientCidrs      private networks (a VPN, a CI runner's subnet) admitted to the private endpoint on 443
 */
public record ClusterSpec(
        String kubernetesVersion,
        List<String> publicAccessCidrs,
        String serviceCidr,
        List<NodeGroupSpec> nodeGroups,
        int logRetentionDays,
        boolean bastion,
        boolean production,
        List<String> apiClientCidrs) {

    public ClusterSpec {
        publicAccessCidrs = List.copyOf(publicAccessCidrs);
        nodeGroups = List.copyOf(nodeGroups);
        apiClientCidrs = List.copyOf(apiClientCidrs);
    }

    /** A cluster that only its nodes, the VPC's runners and the bastion can reach. */
    public ClusterSpec(String kubernetesVersion, List<String> publicAccessCidrs, String serviceCidr,
                       List<NodeGroupSpec> nodeGroups, int logRetentionDays, boolean bastion, boolean production) {
        this(kubernetesVersion, publicAccessCidrs, serviceCidr, nodeGroups, logRetentionDays, bastion, production,
                List.of());
    }

    /** True when the API endpoint is reachable from outside the VPC (only from {@link #publicAccessCidrs}). */
    public boolean publicEndpoint() {
        return !publicAccessCidrs.isEmpty();
    }
}
