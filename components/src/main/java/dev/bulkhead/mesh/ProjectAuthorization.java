package dev.bulkhead.mesh;

import dev.bulkhead.manifest.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one ALLOW AuthorizationPolicy of a project namespace: connections from the project's own identities on any
 * port, and from the metrics scraper on the metrics ports only.
 *
 * <p>Only L4 attributes are used ({@code source.principals}, {@code to.operation.ports}), which ztunnel enforces by
 * itself; an HTTP attribute (methods, paths, headers) without a waypoint would make ztunnel deny everything.
 *
 * <p>Sources are principals rather than {@code source.namespaces}: both come from the peer's mTLS certificate, but a
 * principal also pins the trust domain, so a workload of a federated or foreign trust domain that happens to use the
 * same namespace name does not match; and principals can name one service account where that is all that is trusted
 * (the gateway, Prometheus) instead of a whole namespace.
 */
public final class ProjectAuthorization {

    public static final String NAME = "allow-same-project";

    private ProjectAuthorization() {
    }

    /**
     * @param members     principals allowed on every port; must not be empty, since Istio reads an empty list as
     *                    "any source"
     * @param scraper     the metrics scraper's principal
     * @param scrapePorts the only ports the scraper may reach; none leaves the scraper out
     */
    public static Manifest allow(String namespace, Map<String, String> labels, List<String> members, String scraper,
                                 List<Integer> scrapePorts) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException(namespace + "/" + NAME
                    + ": an empty principals list would match any source");
        }
        List<Object> rules = new ArrayList<>();
        rules.add(Map.of("from", List.of(Map.of("source", Map.of("principals", members)))));
        if (!scrapePorts.isEmpty()) {
            List<String> ports = new TreeSet<>(scrapePorts).stream().map(String::valueOf).toList();
            rules.add(Map.of(
                    "from", List.of(Map.of("source", Map.of("principals", List.of(scraper)))),
                    "to", List.of(Map.of("operation", Map.of("ports", ports)))));
        }
        return Manifest.namespaced(IstioSecurity.API_VERSION, IstioSecurity.AUTHORIZATION_POLICY, namespace, NAME,
                labels, Map.of("action", "ALLOW", "rules", rules));
    }
}
