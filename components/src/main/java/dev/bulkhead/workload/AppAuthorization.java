package dev.bulkhead.workload;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.IstioSecurity;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.AuthorizationRule;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The AuthorizationPolicies of an app whose callers are narrowed.
 *
 * <p>{@code app-<app>-callers} is enforced by the destination ztunnel (selector, L4 attributes only). The namespace's
 * project-wide ALLOW policy admits every project identity and ALLOW policies add up, so narrowing takes a DENY: it
 * refuses every identity but the app's callers (with L7 rules: only its waypoint, through which the callers come),
 * the project gateway when it routes to the app without L7 rules, and the scraper; and it refuses the callers (or the
 * waypoint) on any port but the app's. Which ports the gateway and the scraper reach is held by their own ALLOW rules.
 *
 * <p>{@code app-<app>-l7} is enforced by the waypoint ({@code targetRefs} to the app's Service, where the caller's
 * own identity is still seen): an ALLOW of each caller with the methods and paths it was given, and of the project
 * gateway when it routes to the app; when callers are not narrowed, of every project identity.
 */
public final class AppAuthorization {

    private AppAuthorization() {
    }

    public static List<Manifest> of(AppTrust trust) {
        AppSpec app = trust.app();
        if (!app.restricted()) {
            return List.of();
        }
        List<Manifest> policies = new ArrayList<>();
        policies.add(callers(trust));
        if (app.l7()) {
            policies.add(layer7(trust));
        }
        return policies;
    }

    private static Manifest callers(AppTrust trust) {
        AppSpec app = trust.app();
        LinkedHashSet<String> admitted = new LinkedHashSet<>();
        List<String> direct = app.l7() ? List.of(trust.waypointPrincipal()) : trust.callerPrincipals();
        admitted.addAll(direct);
        if (!app.l7() && !trust.gatewayPorts().isEmpty()) {
            admitted.add(trust.gatewayPrincipal());
        }
        admitted.add(trust.scraperPrincipal());
        List<Object> rules = new ArrayList<>();
        rules.add(Map.of("from", List.of(Map.of("source", Map.of("notPrincipals", List.copyOf(admitted))))));
        if (!direct.isEmpty()) {
            rules.add(Map.of(
                    "from", List.of(Map.of("source", Map.of("principals", direct))),
                    "to", List.of(Map.of("operation", Map.of("notPorts", List.of(String.valueOf(app.port())))))));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("selector", Map.of("matchLabels", AppLabels.selector(app)));
        spec.put("action", "DENY");
        spec.put("rules", rules);
        return Manifest.namespaced(IstioSecurity.API_VERSION, IstioSecurity.AUTHORIZATION_POLICY, app.namespace(),
                Names.appPolicy(app.name(), "callers"), AppLabels.objects(trust.project().name(), app), spec);
    }

    private static Manifest layer7(AppTrust trust) {
        AppSpec app = trust.app();
        List<Object> rules = new ArrayList<>();
        if (trust.callers().isEmpty()) {
            rules.add(from(trust.projectMembers()));
        } else {
            for (AppTrust.Caller caller : trust.callers().get()) {
                List<AuthorizationRule> given = app.rulesFor(caller.name());
                if (given.isEmpty()) {
                    rules.add(from(List.of(trust.principal(caller))));
                }
                for (AuthorizationRule rule : given) {
                    Map<String, Object> operation = new LinkedHashMap<>();
                    if (!rule.methods().isEmpty()) {
                        operation.put("methods", rule.methods());
                    }
                    if (!rule.paths().isEmpty()) {
                        operation.put("paths", rule.paths());
                    }
                    Map<String, Object> entry = new LinkedHashMap<>(from(List.of(trust.principal(caller))));
                    if (!operation.isEmpty()) {
                        entry.put("to", List.of(Map.of("operation", operation)));
                    }
                    rules.add(entry);
                }
            }
        }
        if (!trust.gatewayPorts().isEmpty()) {
            rules.add(from(List.of(trust.gatewayPrincipal())));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("targetRefs", List.of(serviceRef(app)));
        spec.put("action", "ALLOW");
        spec.put("rules", rules);
        return Manifest.namespaced(IstioSecurity.API_VERSION, IstioSecurity.AUTHORIZATION_POLICY, app.namespace(),
                Names.appPolicy(app.name(), "l7"), AppLabels.objects(trust.project().name(), app), spec);
    }

    /** A policy target naming the app's Service: the waypoint enforces it, seeing the caller's identity. */
    static Map<String, Object> serviceRef(AppSpec app) {
        return Map.of("group", "", "kind", "Service", "name", app.name());
    }

    private static Map<String, Object> from(List<String> principals) {
        if (principals.isEmpty()) {
            // Istio reads an empty principals list as "any source"
            throw new IllegalArgumentException("an ALLOW rule without principals would admit any source");
        }
        return Map.of("from", List.of(Map.of("source", Map.of("principals", principals))));
    }
}
