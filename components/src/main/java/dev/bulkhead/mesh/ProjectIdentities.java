package dev.bulkhead.mesh;

import dev.bulkhead.naming.Names;

import java.util.List;
import java.util.TreeSet;

/**
 * The mesh identities a project's workloads accept traffic from: its own namespaces, its own ingress gateway and the
 * platform's metrics scraper. Nothing here names another project.
 */
public final class ProjectIdentities {

    /** The service account of the monitoring namespace's Prometheus. */
    public static final String PROMETHEUS_SERVICE_ACCOUNT = "prometheus";
    /** Istio names a gateway's deployment and service account {@code <gateway>-<gatewayClass>}. */
    private static final String GATEWAY_CLASS = "istio";

    private ProjectIdentities() {
    }

    /**
     * The Gateway API {@code Gateway} of a project is named like its namespace, {@code <project>-gateway}; Istio runs
     * it under the service account {@code <project>-gateway-istio}.
     */
    public static SpiffeId gateway(String trustDomain, String project) {
        String gateway = Names.gatewayNamespace(project);
        return new SpiffeId(trustDomain, gateway, gateway + "-" + GATEWAY_CLASS);
    }

    /** The Prometheus that may scrape project pods. */
    public static SpiffeId scraper(String trustDomain, String monitoringNamespace) {
        return new SpiffeId(trustDomain, monitoringNamespace, PROMETHEUS_SERVICE_ACCOUNT);
    }

    /**
     * Principals of the project itself, sorted: every service account of each of its namespaces (so waypoints and
     * whatever the apps run as are included without listing them). The project's gateway is not a member: it is
     * admitted only on the ports it routes to, by the namespaces it routes to.
     */
    public static List<String> members(String trustDomain, String project, List<String> namespaces) {
        var principals = new TreeSet<String>();
        for (String namespace : namespaces) {
            principals.add(SpiffeId.anyIn(trustDomain, namespace).principal());
        }
        return List.copyOf(principals);
    }
}
