package dev.bulkhead.ingress;

import dev.bulkhead.naming.Names;

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
    /** The lowest in-cluster listener port of an export. */
    public static final int EXPORT_BASE = 9080;
    /** Export listeners lie below Istio's own ports (15000 and up). */
    public static final int EXPORT_LIMIT = 15000;
    /** The port of an export's Service, the name consumers call. */
    public static final int EXPORT_SERVICE_PORT = 80;

    private GatewayPorts() {
    }

    /**
     * The listener port of the export named {@code export}: derived from the name alone, so that adding, removing or
     * reordering other exports never moves it (consumers' NetworkPolicies name the port). Two exports of one project
     * whose names give the same port are refused by the config.
     */
    public static int export(String export) {
        int range = EXPORT_LIMIT - EXPORT_BASE;
        return EXPORT_BASE + Integer.parseInt(Names.shortHash("export " + export), 16) % range;
    }
}
