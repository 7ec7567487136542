package dev.bulkhead.check;

import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.netpol.Endpoint;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Istio's authorization at L4, as ztunnel enforces it between two pods of the ambient mesh: DENY policies first,
 * then, if any ALLOW policy applies to the destination, one of their rules must match. Policies bound to a waypoint
 * ({@code targetRefs}) are not ztunnel's and are left out. A rule that needs L7 attributes (methods, paths, hosts,
 * {@code when}) cannot be judged at L4: ztunnel never lets it allow, and it always counts for a deny.
 */
public final class MeshAuthorization {

    public static final String AMBIENT_LABEL = Labels.AMBIENT;
    public static final String ROOT_NAMESPACE = Ambient.ROOT_NAMESPACE;
    static final String DEFAULT_TRUST_DOMAIN = "cluster.local";

    private final RenderView view;
    private final String trustDomain;

    public MeshAuthorization(RenderView view) {
        this.view = view;
        this.trustDomain = inferTrustDomain(view);
    }

    /** The answer and the policies that decided it. */
    public record Decision(boolean allowed, String explanation) {
    }

    /** Whether both pods are in the ambient mesh, so that ztunnel authorizes the connection. */
    public boolean meshed(Endpoint.Pod from, Endpoint.Pod to) {
        return ambient(from.namespace()) && ambient(to.namespace());
    }

    public Decision decide(Endpoint.Pod from, Endpoint.Pod to, int port) {
        String principal = principal(from);
        List<RenderedResource> applicable = new ArrayList<>();
        for (RenderedResource policy : view.kind("AuthorizationPolicy")) {
            String ns = RenderView.namespace(policy).orElse("");
            Map<String, Object> spec = RenderView.spec(policy);
            if (spec.containsKey("targetRefs") || spec.containsKey("targetRef")) {
                continue;
            }
            boolean scope = ns.equals(to.namespace()) || ns.equals(ROOT_NAMESPACE);
            if (scope && selects(spec, to)) {
                applicable.add(policy);
            }
        }
        for (RenderedResource policy : applicable) {
            Map<String, Object> spec = RenderView.spec(policy);
            if ("DENY".equals(spec.get("action")) && anyRule(spec, principal, from.namespace(), port, true)) {
                return new Decision(false, "mesh: DENIED by " + RenderView.id(policy));
            }
        }
        List<String> allowPolicies = new ArrayList<>();
        for (RenderedResource policy : applicable) {
            Map<String, Object> spec = RenderView.spec(policy);
            String action = spec.get("action") == null ? "ALLOW" : String.valueOf(spec.get("action"));
            if (action.equals("ALLOW")) {
                allowPolicies.add(RenderView.id(policy));
                if (anyRule(spec, principal, from.namespace(), port, false)) {
                    return new Decision(true, "mesh: ALLOWED for " + principal + " by " + RenderView.id(policy));
                }
            }
        }
        if (allowPolicies.isEmpty()) {
            return new Decision(true, "mesh: no ALLOW policy applies to " + to.describe());
        }
        return new Decision(false, "mesh: DENIED, no rule of " + allowPolicies + " admits " + principal + " on port "
                + port);
    }

    /** The identity a representative pod runs as: a gateway's service account, or {@code default}. */
    public String principal(Endpoint.Pod pod) {
        String gateway = pod.labels().get(Connectivity.GATEWAY_NAME_LABEL);
        String account = gateway != null ? gateway + "-istio" : "default";
        return trustDomain + "/ns/" + pod.namespace() + "/sa/" + account;
    }

    private boolean ambient(String namespace) {
        return Labels.AMBIENT_VALUE.equals(view.namespaceLabels().getOrDefault(namespace, Map.of()).get(AMBIENT_LABEL));
    }

    private static boolean selects(Map<String, Object> spec, Endpoint.Pod pod) {
        Map<String, Object> selector = Plain.map(Plain.map(spec.get("selector")).get("matchLabels"));
        return selector.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(pod.labels().get(e.getKey())));
    }

    private static boolean anyRule(Map<String, Object> spec, String principal, String namespace, int port,
                                   boolean deny) {
        for (Object r : Plain.list(spec.get("rules"))) {
            Map<String, Object> rule = Plain.map(r);
            if (rule.containsKey("when")) {
                if (deny) {
                    return true;
                }
                continue;
            }
            if (sourceMatches(rule, principal, namespace) && operationMatches(rule, port, deny)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sourceMatches(Map<String, Object> rule, String principal, String namespace) {
        List<Object> from = Plain.list(rule.get("from"));
        if (from.isEmpty()) {
            return true;
        }
        for (Object f : from) {
            Map<String, Object> source = Plain.map(Plain.map(f).get("source"));
            boolean ok = matchesAny(source.get("principals"), principal, true)
                    && !matchesAny(source.get("notPrincipals"), principal, false)
                    && matchesAny(source.get("namespaces"), namespace, true)
                    && !matchesAny(source.get("notNamespaces"), namespace, false);
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private static boolean operationMatches(Map<String, Object> rule, int port, boolean deny) {
        List<Object> to = Plain.list(rule.get("to"));
        if (to.isEmpty()) {
            return true;
        }
        for (Object t : to) {
            Map<String, Object> operation = Plain.map(Plain.map(t).get("operation"));
            boolean l7 = operation.keySet().stream().anyMatch(k -> !k.equals("ports") && !k.equals("notPorts"));
            if (l7) {
                if (deny) {
                    return true;
                }
                continue;
            }
            String p = String.valueOf(port);
            if (matchesAny(operation.get("ports"), p, true) && !matchesAny(operation.get("notPorts"), p, false)) {
                return true;
            }
        }
        return false;
    }

    /** Istio string matching: exact, {@code *}, {@code prefix*} or {@code *suffix}; absent means {@code absent}. */
    private static boolean matchesAny(Object values, String value, boolean absent) {
        if (values == null) {
            return absent;
        }
        for (String pattern : Plain.strings(values)) {
            if (pattern.equals("*") || pattern.equals(value)
                    || (pattern.endsWith("*") && value.startsWith(pattern.substring(0, pattern.length() - 1)))
                    || (pattern.startsWith("*") && value.endsWith(pattern.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    private static String inferTrustDomain(RenderView view) {
        for (RenderedResource policy : view.kind("AuthorizationPolicy")) {
            for (Object r : Plain.list(RenderView.spec(policy).get("rules"))) {
                for (Object f : Plain.list(Plain.map(r).get("from"))) {
                    for (String p : Plain.strings(Plain.map(Plain.map(f).get("source")).get("principals"))) {
                        int ns = p.indexOf("/ns/");
                        if (ns > 0) {
                            return p.substring(0, ns);
                        }
                    }
                }
            }
        }
        return DEFAULT_TRUST_DOMAIN;
    }
}
