package dev.bulkhead.egress;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One external host and port as the egress waypoint serves it, with the projects admitted to it.
 *
 * @param tlsOrigination the workload speaks plain HTTP to port {@value #ORIGINATION_PORT} and the waypoint opens TLS
 *                       to {@code port}
 * @param projects       the projects admitted, never empty
 */
public record ExternalHost(String host, int port, boolean tlsOrigination, SortedSet<String> projects) {

    /** The port a workload calls when the waypoint originates TLS for it. */
    public static final int ORIGINATION_PORT = 80;

    public ExternalHost {
        Objects.requireNonNull(host, "host");
        projects = new TreeSet<>(projects);
        if (projects.isEmpty()) {
            throw new IllegalArgumentException(host + ":" + port + " is admitted for no project");
        }
    }

    /** True for a {@code *.example.com} host, which the waypoint resolves per connection from the TLS SNI. */
    public boolean wildcard() {
        return host.startsWith("*.");
    }

    /** The port the workload's connection is addressed to. */
    public int callPort() {
        return tlsOrigination ? ORIGINATION_PORT : port;
    }

    public List<String> projectList() {
        return List.copyOf(projects);
    }
}
