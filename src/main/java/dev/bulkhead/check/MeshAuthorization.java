package dev.bulkhead.check;

import dev.bulkhead.check.AuthorizationRule.Connection;
import dev.bulkhead.check.AuthorizationRule.Kind;
import dev.bulkhead.check.AuthorizationRule.Match;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.netpol.Endpoint;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Istio's authorization as ambient mode enforces it, over the render's AuthorizationPolicies.
 * <ul>
 *   <li>A ztunnel enforces, at L4, the policies bound by {@code selector} (or namespace-wide, or in the root
 *   namespace) for the pods of its node. It cannot see L7 attributes: an ALLOW policy with one fails safe and
 *   denies everything it selects; a DENY rule with one denies on its L4 fields alone.</li>
 *   <li>A proxy (a gateway, or a waypoint) enforces the policies bound to it with {@code targetRefs}: to its
 *   Gateway, to a Service it serves, to a ServiceEntry it serves; with L7 attributes.</li>
 * </ul>
 * DENY policies first; then, if any ALLOW policy applies, one of its rules must match. Port {@value #HBONE} is
 * the tunnel between ztunnels, and authorization applies to the port inside it; a proxy's agent ports (health,
 * merged metrics) are served outside the proxy's authorization.
 */
public final class MeshAuthorization {

    public static final String AMBIENT_LABEL = Labels.AMBIENT;
    public static final String ROOT_NAMESPACE = Ambient.ROOT_NAMESPACE;
    static final String DEFAULT_TRUST_DOMAIN = "cluster.local";
    static final int HBONE = Ambient.HBONE_PORT;
    static final Set<Integer> AGENT_PORTS = Set.of(15020, 15021, 15090);
    static final String WAYPOINT_CLASS = "istio-waypoint";
    static final String GATEWAY_KIND = "Gateway";

    private final RenderView view;
    private final String trustDomain;
    private final Map<String, List<RenderedResource>> selectorPolicies = new LinkedHashMap<>();
    private final Map<String, List<RenderedResource>> boundPolicies = new LinkedHashMap<>();
    private final Map<String, RenderedResource> gateways = new LinkedHashMap<>();
    private final LongAdder ruleEvaluations = new LongAdder();

    public MeshAuthorization(RenderView view) {
        this.view = view;
        this.trustDomain = view.intent().map(i -> i.trustDomain()).orElseGet(() -> inferTrustDomain(view));
        for (RenderedResource policy : view.kind("AuthorizationPolicy")) {
            String ns = RenderView.namespace(policy).orElse("");
            Map<String, Object> spec = RenderView.spec(policy);
            List<Object> refs = new ArrayList<>(Plain.list(spec.get("targetRefs")));
            if (spec.get("targetRef") != null) {
                refs.add(spec.get("targetRef"));
            }
            if (refs.isEmpty()) {
                selectorPolicies.computeIfAbsent(ns, k -> new ArrayList<>()).add(policy);
            }
            for (Object ref : refs) {
                Map<String, Object> r = Plain.map(ref);
                String refNs = r.get("namespace") == null ? ns : String.valueOf(r.get("namespace"));
                boundPolicies.computeIfAbsent(r.get("kind") + "/" + refNs + "/" + r.get("name"),
                        k -> new ArrayList<>()).add(policy);
            }
        }
        for (RenderedResource gateway : view.kind(GATEWAY_KIND)) {
            gateways.put(RenderView.id(gateway), gateway);
        }
    }

    public String trustDomain() {
        return trustDomain;
    }

    /** How many policy rules were matched so far: the mesh's unit of work, which tests count. */
    public long ruleEvaluations() {
        return ruleEvaluations.sum();
    }

    /** Whether a namespace's pods are in the ambient mesh. */
    public boolean ambient(String namespace) {
        return Labels.AMBIENT_VALUE.equals(view.namespaceLabels().getOrDefault(namespace, Map.of()).get(AMBIENT_LABEL));
    }

    public String principal(String namespace, String serviceAccount) {
        return trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
    }

    /** The Gateway (gateway or waypoint) whose proxy {@code pod} is, if it is one the render creates. */
    public Optional<RenderedResource> proxyOf(Endpoint.Pod pod) {
        String name = pod.labels().get(Ambient.PROXY_POD_LABEL);
        return name == null ? Optional.empty() : Optional.ofNullable(gateways.get(pod.namespace() + "/" + name));
    }

    /** The ServiceAccount of a proxy's pods: {@code <name>} for a waypoint, {@code <name>-istio} for a gateway. */
    public static String proxyAccount(RenderedResource gateway) {
        boolean waypoint = WAYPOINT_CLASS.equals(RenderView.spec(gateway).get("gatewayClassName"));
        return RenderView.name(gateway) + (waypoint ? "" : "-istio");
    }

    public static boolean waypoint(RenderedResource gateway) {
        return WAYPOINT_CLASS.equals(RenderView.spec(gateway).get("gatewayClassName"));
    }

    /** The waypoint Gateway called {@code name} in {@code namespace}, if the render creates one. */
    public Optional<RenderedResource> waypointNamed(String namespace, String name) {
        return Optional.ofNullable(gateways.get(namespace + "/" + name)).filter(MeshAuthorization::waypoint);
    }

    /**
     * The decision for a connection addressed to a pod: by the pod's proxy when it is a gateway or waypoint, by
     * the ztunnel on its node otherwise. Empty when the mesh has no say: the destination is outside the mesh, the
     * source is the node, the port is the tunnel, or a plaintext source meets a ztunnel (STRICT mTLS decides that).
     */
    public Optional<Decision> toPod(Endpoint from, Optional<String> fromAccount, Endpoint.Pod to, int port,
                                    Optional<HttpRequest> request) {
        if (!ambient(to.namespace()) || from instanceof Endpoint.Node || port == HBONE) {
            return Optional.empty();
        }
        Connection connection = connection(from, fromAccount, port, request);
        Optional<RenderedResource> proxy = proxyOf(to);
        if (proxy.isPresent()) {
            if (AGENT_PORTS.contains(port)) {
                return Optional.empty();
            }
            String enforcer = (waypoint(proxy.get()) ? "waypoint " : "gateway ") + RenderView.id(proxy.get());
            List<RenderedResource> applicable = new ArrayList<>(selected(to));
            applicable.addAll(bound(GATEWAY_KIND, to.namespace(), RenderView.name(proxy.get())));
            return Optional.of(evaluate(applicable, connection, "L7", enforcer, true));
        }
        if (connection.principal().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(evaluate(selected(to), connection, "L4", "ztunnel at " + to.namespace(), false));
    }

    /**
     * The decision of a waypoint for traffic addressed to {@code kind/namespace/name} (a Service or a
     * ServiceEntry) that it serves: the policies bound to that target or to the waypoint itself.
     */
    public Decision atWaypoint(Endpoint from, Optional<String> fromAccount, RenderedResource waypoint, String kind,
                               String namespace, String name, int port, Optional<HttpRequest> request) {
        List<RenderedResource> applicable = new ArrayList<>(bound(kind, namespace, name));
        applicable.addAll(bound(GATEWAY_KIND, RenderView.namespace(waypoint).orElse(""), RenderView.name(waypoint)));
        return evaluate(applicable, connection(from, fromAccount, port, request), "L7",
                "waypoint " + RenderView.id(waypoint) + " for " + kind + " " + namespace + "/" + name, true);
    }

    private Connection connection(Endpoint from, Optional<String> fromAccount, int port,
                                  Optional<HttpRequest> request) {
        if (from instanceof Endpoint.Pod pod && ambient(pod.namespace()) && fromAccount.isPresent()) {
            return new Connection(Optional.of(principal(pod.namespace(), fromAccount.get())),
                    Optional.of(pod.namespace()), pod.ip(), port, request);
        }
        Optional<String> ip = from instanceof Endpoint.External e ? Optional.of(e.ip())
                : from instanceof Endpoint.Pod p ? p.ip() : Optional.empty();
        return new Connection(Optional.empty(), Optional.empty(), ip, port, request);
    }

    /** Policies without targetRefs that select {@code pod}: its namespace's and the root namespace's. */
    private List<RenderedResource> selected(Endpoint.Pod pod) {
        List<RenderedResource> out = new ArrayList<>();
        for (String ns : pod.namespace().equals(ROOT_NAMESPACE) ? List.of(ROOT_NAMESPACE)
                : List.of(ROOT_NAMESPACE, pod.namespace())) {
            for (RenderedResource policy : selectorPolicies.getOrDefault(ns, List.of())) {
                if (selects(RenderView.spec(policy), pod)) {
                    out.add(policy);
                }
            }
        }
        return out;
    }

    private List<RenderedResource> bound(String kind, String namespace, String name) {
        return boundPolicies.getOrDefault(kind + "/" + namespace + "/" + name, List.of());
    }

    private Decision evaluate(List<RenderedResource> applicable, Connection c, String layer, String enforcer,
                              boolean proxy) {
        String who = c.principal().orElse("a plaintext source");
        // DENY rules that match only under a condition the request decides (a missing JWT, a path): the connection
        // passes only when none of them holds
        List<String> deniedWhen = new ArrayList<>();
        for (RenderedResource policy : applicable) {
            Map<String, Object> spec = RenderView.spec(policy);
            if (!"DENY".equals(spec.get("action"))) {
                continue;
            }
            List<Object> rules = Plain.list(spec.get("rules"));
            for (int i = 0; i < rules.size(); i++) {
                ruleEvaluations.increment();
                Match m = AuthorizationRule.match(Plain.map(rules.get(i)), c, !proxy);
                String id = RenderView.id(policy) + " rule " + i;
                if (m.kind() == Kind.MATCH) {
                    return Decision.denied(layer, enforcer, id, "DENY policy " + id + " matches " + who
                            + " on port " + c.port(), "remove or narrow " + id);
                }
                if (m.kind() == Kind.CONDITIONAL) {
                    deniedWhen.add(id + " denies when " + m.text());
                }
            }
        }
        return unless(allowPolicies(applicable, c, layer, enforcer, proxy, who), deniedWhen, layer, enforcer);
    }

    /** An admitting decision made conditional on none of the conditional DENY rules holding. */
    private static Decision unless(Decision decision, List<String> deniedWhen, String layer, String enforcer) {
        if (deniedWhen.isEmpty() || !decision.passes()) {
            return decision;
        }
        String first = deniedWhen.get(0);
        String reason = (decision.outcome() == Decision.Outcome.CONDITIONAL ? decision.reason() + "; and "
                : "admitted ") + "unless " + String.join("; or ", deniedWhen);
        return Decision.conditional(layer, enforcer, first.substring(0, first.indexOf(" denies when ")), reason);
    }

    private Decision allowPolicies(List<RenderedResource> applicable, Connection c, String layer, String enforcer,
                                   boolean proxy, String who) {
        List<RenderedResource> allow = applicable.stream().filter(p -> {
            Object action = RenderView.spec(p).get("action");
            return action == null || "ALLOW".equals(action);
        }).toList();
        if (allow.isEmpty()) {
            return Decision.allowed(layer, enforcer, null, "no ALLOW policy applies, so " + enforcer
                    + " admits every connection");
        }
        if (!proxy) {
            for (RenderedResource policy : allow) {
                if (Plain.list(RenderView.spec(policy).get("rules")).stream()
                        .anyMatch(r -> AuthorizationRule.needsL7(Plain.map(r)))) {
                    String id = RenderView.id(policy);
                    return Decision.denied(layer, enforcer, id, id + " has L7 fields (methods, paths, hosts, JWT) "
                            + "but is enforced by a ztunnel, which cannot see them and fails safe by denying "
                            + "everything the policy selects", "bind " + id + " to a waypoint (targetRefs to the "
                            + "Service, with the namespace or Service labelled istio.io/use-waypoint), or drop its "
                            + "L7 fields");
                }
            }
        }
        List<String> conditional = new ArrayList<>();
        String closest = null;
        String closestWhy = null;
        int closeness = -1;
        for (RenderedResource policy : allow) {
            List<Object> rules = Plain.list(RenderView.spec(policy).get("rules"));
            for (int i = 0; i < rules.size(); i++) {
                ruleEvaluations.increment();
                Match m = AuthorizationRule.match(Plain.map(rules.get(i)), c, false);
                String id = RenderView.id(policy) + " rule " + i;
                if (m.kind() == Kind.MATCH) {
                    return Decision.allowed(layer, enforcer, id, id + " admits " + who + " on port " + c.port());
                }
                if (m.kind() == Kind.CONDITIONAL) {
                    conditional.add(id + " when " + m.text());
                } else if (closeness(m, policy) > closeness) {
                    closest = id;
                    closestWhy = m.text();
                    closeness = closeness(m, policy);
                }
            }
        }
        if (!conditional.isEmpty()) {
            return Decision.conditional(layer, enforcer, conditional.get(0).substring(0,
                    conditional.get(0).indexOf(" when ")), "admitted only if: " + String.join("; or ", conditional));
        }
        List<String> ids = allow.stream().map(RenderView::id).toList();
        String change = closest == null
                ? "add an ALLOW rule for " + who + " on port " + c.port() + " (the ALLOW policies " + ids
                + " have no rules)"
                : closest + ": " + closestWhy;
        return Decision.denied(layer, enforcer, closest, "no rule of " + ids + " admits " + who + " on port "
                + c.port(), change);
    }

    /**
     * How near a failed rule came to admitting the connection: a rule whose source matched and whose operation did
     * not is the one to change before one that names other sources; a specific policy before a baseline.
     */
    private static int closeness(Match m, RenderedResource policy) {
        boolean sourceFailed = m.text().startsWith("principal ") || m.text().startsWith("source namespace ");
        return (sourceFailed ? 0 : 2) + (specific(policy) ? 1 : 0);
    }

    /** A policy bound to particular pods or a target, as opposed to a namespace-wide baseline. */
    private static boolean specific(RenderedResource policy) {
        Map<String, Object> spec = RenderView.spec(policy);
        return spec.containsKey("targetRefs") || spec.containsKey("targetRef") || spec.containsKey("selector");
    }

    private static boolean selects(Map<String, Object> spec, Endpoint.Pod pod) {
        Map<String, Object> selector = Plain.map(Plain.map(spec.get("selector")).get("matchLabels"));
        return selector.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(pod.labels().get(e.getKey())));
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
