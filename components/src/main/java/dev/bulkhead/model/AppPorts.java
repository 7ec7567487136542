package dev.bulkhead.model;

import java.util.Optional;

/**
 * The ports an app container may listen on. Below 1024 a container without capabilities, running as non-root,
 * cannot bind. 15000 to 15090 belong to the ambient mesh: ztunnel's in-pod listeners (15001, 15006, 15008 for HBONE,
 * 15053 for DNS), and the ports the mesh's proxies and istiod serve (15010 to 15021, 15090); a workload listening
 * there would collide with the mesh or be mistaken for it by the policies that admit it.
 */
public final class AppPorts {

    public static final int FIRST_UNPRIVILEGED = 1024;
    public static final int MESH_FIRST = 15000;
    public static final int MESH_LAST = 15090;

    private AppPorts() {
    }

    /** Why {@code port} cannot be an app's port, or empty. */
    public static Optional<String> problem(int port) {
        if (port < 1 || port > 65535) {
            return Optional.of("is not a port; use " + FIRST_UNPRIVILEGED + " to 65535");
        }
        if (port < FIRST_UNPRIVILEGED) {
            return Optional.of("is a privileged port, which a non-root container without capabilities cannot bind; "
                    + "use a port from " + FIRST_UNPRIVILEGED + ", e.g. 8080");
        }
        if (port >= MESH_FIRST && port <= MESH_LAST) {
            return Optional.of("is in " + MESH_FIRST + "-" + MESH_LAST + ", reserved for the ambient mesh (HBONE "
                    + "15008, ztunnel, waypoints and istiod); use another port, e.g. 8080");
        }
        return Optional.empty();
    }

    static void check(int port, String what) {
        problem(port).ifPresent(p -> {
            throw new IllegalArgumentException(what + " " + port + " " + p);
        });
    }
}
