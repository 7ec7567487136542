package dev.bulkhead.ingress;

/**
 * The ports of a project's gateway pods. The ALB's listener port is not 443: the gateway runs unprivileged, and
 * keeping the port above 1024 needs no sysctl under Pod Security {@code restricted}.
 */
public final class GatewayPorts {

    /** The HTTPS listener the ALB's target group sends to; the only listener reachable from outside the cluster. */
    public static final int PUBLIC = 8443;
    /** Envoy's readiness endpoint on every Istio proxy: {@value #HEALTH_PATH}. */
    public static final int HEALTH = 15021;
    public static final String HEALTH_PATH = "/healthz/ready";
    /** Istio's merged metrics endpoint on the gateway pods. */
    public static final int METRICS = 15020;
    /** The in-cluster listener of a project's first export; the n-th export (config order) listens on base + n. */
    public static final int EXPORT_BASE = 9080;
    /** The port of an export's Service, the name consumers call. */
    public static final int EXPORT_SERVICE_PORT = 80;

    private GatewayPorts() {
    }

    /** The listener port of the export at {@code index} in the project's {@code exports}. */
    public static int export(int index) {
        if (index < 0 || EXPORT_BASE + index >= 15000) {
            throw new IllegalArgumentException("export index out of range: " + index);
        }
        return EXPORT_BASE + index;
    }
}
