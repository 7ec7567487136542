package dev.bulkhead.model;

import java.util.List;

/**
 * Egress every project may use, configured once for the platform ({@code bulkhead:egress}): external hosts (an
 * OIDC issuer, say) and AWS services reached through the VPC's endpoints.
 *
 * @param hosts       hosts every project may reach through the egress waypoint
 * @param awsServices AWS service names (e.g. {@code sts}, {@code s3}) every project may reach in the stack's region
 */
public record SharedEgressSpec(List<EgressRule.Host> hosts, List<String> awsServices) {

    public SharedEgressSpec {
        hosts = List.copyOf(hosts);
        awsServices = List.copyOf(awsServices);
    }

    /** Nothing shared: projects reach only what they list themselves. */
    public static SharedEgressSpec none() {
        return new SharedEgressSpec(List.of(), List.of());
    }
}
