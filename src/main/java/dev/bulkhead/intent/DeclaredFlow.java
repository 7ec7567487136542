package dev.bulkhead.intent;

import java.util.List;
import java.util.Objects;

/**
 * One flow the configuration asks for, between two endpoint kinds of the connectivity matrix.
 *
 * <p>Endpoints are written as {@code project:<name>} (the pods of a project's namespaces), {@code gateway:<name>}
 * (a project's ingress gateway), {@code namespace:<name>}, {@code egress-waypoint}, {@code dns}, {@code istiod},
 * {@code prometheus}, {@code alb-subnets} (an address in a public subnet), {@code cidr:<block>} (an address in a
 * declared block) and {@code outside} (any address outside the cluster).
 *
 * @param ports  {@code port/PROTOCOL} entries, e.g. {@code 53/UDP}; empty means every port
 * @param why    why the flow is allowed, as reports say it
 * @param config the config key that declares it ({@code projects[shop].exports[orders]}), or {@code platform} for
 *               what every project gets (DNS, the mesh's own traffic)
 */
public record DeclaredFlow(String from, String to, List<String> ports, String why, String config) {

    public DeclaredFlow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        ports = List.copyOf(ports);
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(config, "config");
    }

    /** Whether this flow covers {@code port} over {@code protocol} ({@code TCP}, {@code UDP}). */
    public boolean covers(int port, String protocol) {
        return ports.isEmpty() || ports.contains(port + "/" + protocol);
    }
}
