package dev.bulkhead.check;

import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.netpol.Endpoint;
import dev.bulkhead.netpol.Flow;
import dev.bulkhead.netpol.NetworkPolicyEvaluator;
import dev.bulkhead.netpol.Protocol;
import dev.bulkhead.netpol.Verdict;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides single paths: the NetworkPolicies of every hop (enforced by the VPC CNI) and, inside the ambient mesh,
 * Istio's authorization where it is enforced: a ztunnel for traffic addressed to a pod, the waypoint for traffic
 * addressed to a Service or external host that uses one, the gateway's proxy for traffic to a gateway. Both
 * {@code reach} and the {@code check} matrix decide every flow here, so they cannot disagree.
 */
public final class Reachability {

    /** The address that stands for an external host behind its DNS name. */
    static final String OUTSIDE_ADDRESS = "198.51.100.10";

    private final NetworkPolicyEvaluator evaluator;
    private final MeshAuthorization mesh;

    public Reachability(RenderView view) {
        this.evaluator = view.evaluator();
        this.mesh = view.mesh();
    }

    public MeshAuthorization mesh() {
        return mesh;
    }

    /** A flow addressed to a pod, an address, or from the node. */
    public Leg direct(Party from, Party to, int port, Protocol protocol, Optional<HttpRequest> request) {
        List<Decision> decisions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Verdict verdict = evaluator.evaluate(new Flow(from.endpoint(), to.endpoint(), port, protocol));
        decisions.add(network(verdict, ""));
        if (from.endpoint() instanceof Endpoint.Node && to.pod().map(p -> mesh.ambient(p.namespace())).orElse(false)) {
            notes.add("the destination is in the ambient mesh: its ztunnel admits the kubelet's probes (rewritten to "
                    + "come from " + Ambient.PROBE_SOURCE_CIDR + ") and refuses other plaintext under STRICT mTLS");
        }
        if (protocol == Protocol.TCP && to.pod().isPresent()) {
            meshNote(port, to, notes);
            mesh.toPod(from.endpoint(), from.serviceAccount(), to.pod().get(), port, request).ifPresent(decisions::add);
        }
        return new Leg(from, to, Optional.empty(), Optional.empty(), port, protocol, decisions, notes);
    }

    /**
     * A flow addressed to a Service: through its waypoint when it has one (the waypoint's L7 policies, then the
     * destination's ztunnel, which sees the waypoint's identity), straight to {@code pod} otherwise.
     */
    public Leg viaService(Party from, String namespace, String name, Optional<RenderedResource> waypoint, Party pod,
                          int port, Protocol protocol, Optional<HttpRequest> request) {
        String service = namespace + "/" + name;
        Optional<HttpRequest> named = request.map(r -> r.withHost(name + "." + namespace + ".svc.cluster.local"));
        if (waypoint.isEmpty() || protocol != Protocol.TCP) {
            Leg leg = direct(from, pod, port, protocol, named);
            return new Leg(from, pod, Optional.of(service), Optional.empty(), port, protocol, leg.decisions(),
                    leg.notes());
        }
        Party proxy = proxy(waypoint.get());
        List<Decision> decisions = new ArrayList<>();
        decisions.add(network(evaluator.evaluate(Flow.tcp(from.endpoint(), proxy.endpoint(), Ambient.HBONE_PORT)),
                " (to the waypoint)"));
        decisions.add(mesh.atWaypoint(from.endpoint(), from.serviceAccount(), waypoint.get(), "Service", namespace,
                name, port, named));
        // the waypoint reaches the pod through the pod's ztunnel, over HBONE: that is the port on the wire
        decisions.add(network(evaluator.evaluate(Flow.tcp(proxy.endpoint(), pod.endpoint(), Ambient.HBONE_PORT)),
                " (waypoint to the pod)"));
        mesh.toPod(proxy.endpoint(), proxy.serviceAccount(), pod.pod().orElseThrow(), port, Optional.empty())
                .ifPresent(decisions::add);
        return new Leg(from, pod, Optional.of(service), Optional.empty(), port, protocol, decisions,
                List.of("addressed to the Service " + service + ", so its waypoint " + RenderView.id(waypoint.get())
                        + " enforces the policies bound to it"));
    }

    /**
     * A flow to an external host: through the egress waypoint when a ServiceEntry routes the host there (the
     * per-host policy bound to that ServiceEntry decides who may use it), straight to the host's address otherwise.
     */
    public Leg toHost(Party from, String host, Optional<RenderedResource> entry, Optional<RenderedResource> waypoint,
                      int port, Optional<HttpRequest> request) {
        Party outside = Party.address(OUTSIDE_ADDRESS);
        if (entry.isEmpty() || waypoint.isEmpty()) {
            Leg leg = direct(from, outside, port, Protocol.TCP, Optional.empty());
            List<String> notes = new ArrayList<>(leg.notes());
            notes.add(entry.isEmpty()
                    ? "no ServiceEntry serves " + host + ":" + port + ", so the pod connects to the host's address "
                    + "itself (" + OUTSIDE_ADDRESS + " stands for it), and only a CIDR rule can admit that"
                    : "ServiceEntry " + RenderView.id(entry.get()) + " is not routed through a waypoint");
            return new Leg(from, outside, Optional.empty(), Optional.of(host), port, Protocol.TCP, leg.decisions(),
                    notes);
        }
        Party proxy = proxy(waypoint.get());
        List<Decision> decisions = new ArrayList<>();
        decisions.add(network(evaluator.evaluate(Flow.tcp(from.endpoint(), proxy.endpoint(), Ambient.HBONE_PORT)),
                " (to the egress waypoint)"));
        decisions.add(mesh.atWaypoint(from.endpoint(), from.serviceAccount(), waypoint.get(), "ServiceEntry",
                RenderView.namespace(entry.get()).orElse(""), RenderView.name(entry.get()), port,
                request.map(r -> r.withHost(host))));
        decisions.add(network(evaluator.evaluate(Flow.tcp(proxy.endpoint(), outside.endpoint(), port)),
                " (egress waypoint to the host)"));
        return new Leg(from, outside, Optional.empty(), Optional.of(host), port, Protocol.TCP, decisions,
                List.of("ServiceEntry " + RenderView.id(entry.get()) + " routes " + host + " through the waypoint "
                        + RenderView.id(waypoint.get())));
    }

    /** The pod of a gateway or waypoint, with its proxy's identity. */
    static Party proxy(RenderedResource gateway) {
        String ns = RenderView.namespace(gateway).orElse("default");
        return Party.pod(RenderView.id(gateway), Endpoint.Pod.of(ns,
                Map.of(Ambient.PROXY_POD_LABEL, RenderView.name(gateway))), MeshAuthorization.proxyAccount(gateway));
    }

    private void meshNote(int port, Party to, List<String> notes) {
        if (port == Ambient.HBONE_PORT && mesh.ambient(to.namespace().orElse(""))) {
            notes.add("port " + port + " is the mesh's HBONE tunnel: authorization applies to the port inside it");
        } else if (MeshAuthorization.AGENT_PORTS.contains(port) && mesh.proxyOf(to.pod().orElseThrow()).isPresent()) {
            notes.add("port " + port + " is served by the proxy's agent, outside the proxy's authorization");
        }
    }

    private static String withoutPrefix(String text, String prefix) {
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /** The NetworkPolicies' decision on one hop. */
    static Decision network(Verdict verdict, String hop) {
        String enforcer = "NetworkPolicies" + hop;
        if (verdict.nodeLocal()) {
            return Decision.allowed("network", enforcer, null, Endpoint.Node.REASON);
        }
        if (verdict.allowed()) {
            List<String> by = new ArrayList<>(verdict.egress().allowedBy());
            by.addAll(verdict.ingress().allowedBy());
            return Decision.allowed("network", enforcer, by.isEmpty() ? null : String.join(", ", by),
                    withoutPrefix(verdict.explain(), "ALLOWED: "));
        }
        Flow flow = verdict.flow();
        String what = flow.protocol() + " " + flow.port();
        if (!verdict.egress().allows()) {
            List<String> by = verdict.egress().selectedBy();
            return Decision.denied("network", enforcer, String.join(", ", by), "egress from "
                    + flow.from().describe() + " is isolated by " + by + " and no rule allows " + what + " to "
                    + flow.to().describe(), "an egress rule in " + flow.from().describe().replaceAll("/.*", "")
                    + " admitting " + what + " to " + flow.to().describe());
        }
        List<String> by = verdict.ingress().selectedBy();
        return Decision.denied("network", enforcer, String.join(", ", by), "ingress to " + flow.to().describe()
                + " is isolated by " + by + " and no rule allows " + what + " from " + flow.from().describe(),
                "an ingress rule in " + flow.to().describe().replaceAll("/.*", "") + " admitting " + what + " from "
                        + flow.from().describe());
    }
}
