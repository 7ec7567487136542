package dev.bulkhead.workload;

import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;
import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * The NetworkPolicies of an app whose callers are narrowed. Its pods are outside the project-wide policies
 * ({@link NetworkPolicyParts#projectWidePods()}), so these are all that admits them, beside the gateway's and the
 * scraper's policies of the namespace:
 * <ul>
 *   <li>{@code app-<app>} selects the app's pods: kubelet probes; then either its callers' pods (on its port and on
 *       HBONE, which carries meshed calls) or, with L7 rules, only the namespace's waypoint on HBONE; and egress to
 *       the project as before;</li>
 *   <li>{@code app-<app>-waypoint}, with L7 rules only, selects the waypoint's pods: HBONE in from the app's callers
 *       (every project namespace when they are not narrowed) and from the project gateway when it routes to the app,
 *       and HBONE out to the app's pods only. istiod and DNS come from the namespace's standard policies.</li>
 * </ul>
 * An app every project app may call, without L7 rules, gets none: the project-wide policies admit exactly that.
 */
public final class AppNetworkPolicies {

    private AppNetworkPolicies() {
    }

    public static List<Manifest> of(AppTrust trust) {
        AppSpec app = trust.app();
        if (!app.restricted()) {
            return List.of();
        }
        List<Manifest> policies = new ArrayList<>();
        policies.add(appPods(trust));
        if (app.l7()) {
            policies.add(waypointPods(trust));
        }
        return policies;
    }

    private static Manifest appPods(AppTrust trust) {
        AppSpec app = trust.app();
        var hbone = List.of(NetworkPolicyParts.tcp(Ambient.HBONE_PORT));
        List<Map<String, Object>> ingress = new ArrayList<>();
        ingress.add(NetworkPolicyParts.from(List.of(NetworkPolicyParts.ipBlock(Ambient.PROBE_SOURCE_CIDR)), List.of()));
        if (app.l7()) {
            ingress.add(NetworkPolicyParts.from(List.of(waypoint()), hbone));
        } else {
            callerPeers(trust).ifPresent(peers -> {
                if (!peers.isEmpty()) {
                    ingress.add(NetworkPolicyParts.from(peers,
                            List.of(NetworkPolicyParts.tcp(app.port()), NetworkPolicyParts.tcp(Ambient.HBONE_PORT))));
                }
            });
        }
        var project = List.of(NetworkPolicyParts.appNamespaces(Map.of(Labels.PROJECT, trust.project().name())));
        return NetworkPolicyParts.policy(app.namespace(), AppLabels.objects(trust.project().name(), app),
                Names.appPolicy(app.name()), Map.of(
                        "podSelector", NetworkPolicyParts.matchLabels(AppLabels.selector(app)),
                        "policyTypes", List.of(INGRESS, EGRESS),
                        "ingress", ingress,
                        "egress", List.of(NetworkPolicyParts.to(project, List.of()))));
    }

    private static Manifest waypointPods(AppTrust trust) {
        AppSpec app = trust.app();
        var hbone = List.of(NetworkPolicyParts.tcp(Ambient.HBONE_PORT));
        List<Map<String, Object>> peers = new ArrayList<>(callerPeers(trust).orElse(
                List.of(NetworkPolicyParts.appNamespaces(Map.of(Labels.PROJECT, trust.project().name())))));
        if (!trust.gatewayPorts().isEmpty()) {
            peers.add(NetworkPolicyParts.podsIn(trust.gatewayNamespace(), trust.gatewayPods()));
        }
        Map<String, Object> spec = new java.util.LinkedHashMap<>();
        spec.put("podSelector", NetworkPolicyParts.matchLabels(Waypoint.POD_LABELS));
        spec.put("policyTypes", List.of(INGRESS, EGRESS));
        if (!peers.isEmpty()) {
            spec.put("ingress", List.of(NetworkPolicyParts.from(peers, hbone)));
        }
        spec.put("egress", List.of(NetworkPolicyParts.to(
                List.of(Map.of("podSelector", NetworkPolicyParts.matchLabels(AppLabels.selector(app)))), hbone)));
        return NetworkPolicyParts.policy(app.namespace(), AppLabels.objects(trust.project().name(), app),
                Names.appPolicy(app.name(), "waypoint"), spec);
    }

    /** The callers' pods, each in its own namespace; empty optional when every project app may call. */
    private static Optional<List<Map<String, Object>>> callerPeers(AppTrust trust) {
        return trust.callers().map(callers -> callers.stream()
                .map(c -> NetworkPolicyParts.podsIn(c.namespace(), Map.of(Labels.APP_NAME, c.name())))
                .toList());
    }

    /** The waypoint's pods, in the policy's own namespace. */
    private static Map<String, Object> waypoint() {
        return Map.of("podSelector", NetworkPolicyParts.matchLabels(Waypoint.POD_LABELS));
    }
}
