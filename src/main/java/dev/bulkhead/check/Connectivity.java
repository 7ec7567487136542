package dev.bulkhead.check;

import dev.bulkhead.check.Probe.Kind;
import dev.bulkhead.egress.EgressWaypointPlan;
import dev.bulkhead.isolation.AllowMonitoring;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.netpol.Endpoint;
import dev.bulkhead.netpol.Flow;
import dev.bulkhead.netpol.NetworkPolicyEvaluator;
import dev.bulkhead.netpol.Protocol;
import dev.bulkhead.netpol.Verdict;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole connectivity matrix of a render: a representative pod per project namespace, each gateway and egress
 * waypoint, kube-dns, istiod, the monitoring Prometheus, an address in each public subnet, one on the internet and
 * one per declared CIDR rule; every port any NetworkPolicy names plus the common ones. Every allowed flow that
 * touches a project or the egress waypoint is classified: declared (with the reason) or not.
 */
public final class Connectivity {

    static final String INTERNET_ADDRESS = "198.51.100.10";
    static final List<Integer> COMMON_PORTS = List.of(22, 53, 80, 443, 5432, 8080, 15008);
    static final String GATEWAY_NAME_LABEL = Ambient.PROXY_POD_LABEL;
    static final String EXPORT_ANNOTATION = Labels.EXPORT;
    static final String CONSUMERS_ANNOTATION = Labels.CONSUMERS;
    static final String ALLOW_ANY_ANNOTATION = Labels.ALLOW_ANY;

    private final List<Probe> probes;
    private final List<AllowedFlow> allowed;

    private Connectivity(List<Probe> probes, List<AllowedFlow> allowed) {
        this.probes = List.copyOf(probes);
        this.allowed = List.copyOf(allowed);
    }

    public static Connectivity of(RenderView view) {
        NetworkPolicyEvaluator evaluator = view.evaluator();
        Map<String, RenderedResource> policies = new HashMap<>();
        view.ofType(RenderView.NETWORK_POLICY).forEach(p -> policies.put(RenderView.id(p), p));
        List<Probe> probes = probes(view, policies.values());
        Set<Integer> ports = new TreeSet<>(COMMON_PORTS);
        policies.values().forEach(p -> ports.addAll(PolicyContents.numbers(p)));
        List<AllowedFlow> allowed = new ArrayList<>();
        for (Probe from : probes) {
            for (Probe to : probes) {
                // two pods of one namespace are a flow too (a workload probe stands for every pod of its namespace)
                if ((from == to && from.kind() != Kind.WORKLOAD) || !(from.kind().managed() || to.kind().managed())
                        || (from.kind().external() && to.kind().external())) {
                    continue;
                }
                for (int port : ports) {
                    for (Protocol protocol : List.of(Protocol.TCP, Protocol.UDP)) {
                        if (protocol == Protocol.UDP && port != 53) {
                            continue;
                        }
                        Verdict verdict = evaluator.evaluate(new Flow(from.endpoint(), to.endpoint(), port, protocol));
                        if (verdict.allowed()) {
                            allowed.add(new AllowedFlow(from, to, port, protocol, verdict,
                                    reason(from, to, port, verdict, policies)));
                        }
                    }
                }
            }
        }
        return new Connectivity(probes, allowed);
    }

    public List<Probe> probes() {
        return probes;
    }

    /** Every allowed flow, declared or not, including those between two pods of one namespace. */
    public List<AllowedFlow> allowed() {
        return allowed;
    }

    public List<AllowedFlow> undeclared() {
        return allowed.stream().filter(f -> !f.declared()).toList();
    }

    /** The groups in matrix order: projects (sorted), then platform, then internet. */
    public List<String> groups() {
        Set<String> groups = new TreeSet<>();
        probes.forEach(p -> groups.add(p.group()));
        groups.remove(Probe.PLATFORM);
        groups.remove(Probe.INTERNET);
        List<String> out = new ArrayList<>(groups);
        out.add(Probe.PLATFORM);
        out.add(Probe.INTERNET);
        return out;
    }

    private static List<Probe> probes(RenderView view, java.util.Collection<RenderedResource> policies) {
        List<Probe> probes = new ArrayList<>();
        Map<String, Map<String, String>> namespaces = view.namespaceLabels();
        namespaces.forEach((ns, labels) -> {
            String project = labels.get(RenderView.PROJECT_LABEL);
            String role = labels.get(RenderView.ROLE_LABEL);
            if (project != null && !Labels.ROLE_GATEWAY.equals(role)) {
                probes.add(new Probe(ns, project, Kind.WORKLOAD, Endpoint.Pod.of(ns)));
            }
        });
        for (RenderedResource gateway : view.kind("Gateway")) {
            String ns = RenderView.namespace(gateway).orElse("default");
            Map<String, String> labels = namespaces.getOrDefault(ns, Map.of());
            var pod = Endpoint.Pod.of(ns, Map.of(GATEWAY_NAME_LABEL, RenderView.name(gateway)));
            if (Labels.ROLE_EGRESS.equals(labels.get(RenderView.ROLE_LABEL))) {
                probes.add(new Probe(ns + "/" + RenderView.name(gateway), Probe.PLATFORM, Kind.EGRESS_WAYPOINT, pod));
            } else if (labels.containsKey(RenderView.PROJECT_LABEL)) {
                probes.add(new Probe(ns + "/" + RenderView.name(gateway), labels.get(RenderView.PROJECT_LABEL),
                        Kind.GATEWAY, pod));
            }
        }
        probes.add(new Probe("kube-system/kube-dns", Probe.PLATFORM, Kind.DNS,
                Endpoint.Pod.of("kube-system", Map.of("k8s-app", "kube-dns"))));
        probes.add(new Probe("istio-system/istiod", Probe.PLATFORM, Kind.ISTIOD,
                Endpoint.Pod.of("istio-system", Map.of("app", "istiod"))));
        namespaces.forEach((ns, labels) -> {
            if (Labels.ROLE_MONITORING.equals(labels.get(RenderView.ROLE_LABEL))) {
                probes.add(new Probe(ns + "/prometheus", Probe.PLATFORM, Kind.MONITORING,
                        Endpoint.Pod.of(ns, AllowMonitoring.PROMETHEUS_POD_LABELS)));
            }
        });
        for (String cidr : PublicSubnets.cidrs(view)) {
            probes.add(new Probe("alb-subnet " + cidr, Probe.INTERNET, Kind.ALB_SUBNET,
                    new Endpoint.External(PublicSubnets.hostIn(cidr))));
        }
        probes.add(new Probe("internet " + INTERNET_ADDRESS, Probe.INTERNET, Kind.INTERNET,
                new Endpoint.External(INTERNET_ADDRESS)));
        Set<String> declared = new LinkedHashSet<>();
        for (RenderedResource policy : policies) {
            if (EgressWaypointPlan.COMPONENT.equals(RenderView.labels(policy).get(RenderView.COMPONENT_LABEL))) {
                declared.addAll(PolicyContents.narrowBlocks(policy));
            }
        }
        for (String cidr : declared) {
            probes.add(new Probe("cidr " + cidr, Probe.INTERNET, Kind.DECLARED_CIDR,
                    new Endpoint.External(PublicSubnets.hostIn(cidr))));
        }
        return probes;
    }

    /** Why an allowed flow is part of the design, or null when nothing declared it. */
    private static String reason(Probe from, Probe to, int port, Verdict verdict,
                                 Map<String, RenderedResource> policies) {
        boolean sameProject = from.group().equals(to.group()) && !from.group().equals(Probe.PLATFORM)
                && !from.group().equals(Probe.INTERNET);
        if (sameProject && from.kind().managed() && to.kind().managed()) {
            return to.kind() == Kind.GATEWAY || from.kind() == Kind.GATEWAY ? "own gateway" : "same project";
        }
        if (to.kind() == Kind.DNS && port == 53) {
            return "DNS";
        }
        if (to.kind() == Kind.ISTIOD && (from.kind() == Kind.GATEWAY || from.kind() == Kind.EGRESS_WAYPOINT)) {
            return "mesh proxy to istiod";
        }
        if (from.kind() == Kind.MONITORING && to.kind().managed()) {
            return "metrics scrape";
        }
        if (from.kind() == Kind.WORKLOAD && to.kind() == Kind.EGRESS_WAYPOINT) {
            return "to the egress waypoint";
        }
        if (from.kind() == Kind.EGRESS_WAYPOINT && to.kind().external()) {
            return "egress waypoint to the internet";
        }
        if (from.kind() == Kind.ALB_SUBNET && to.kind() == Kind.GATEWAY) {
            return "ALB to gateway";
        }
        if (from.kind() == Kind.WORKLOAD && to.kind().external()) {
            List<String> by = verdict.egress().allowedBy();
            boolean egressRules = !by.isEmpty() && by.stream().allMatch(id -> {
                RenderedResource p = policies.get(id);
                return p != null && EgressWaypointPlan.COMPONENT.equals(RenderView.labels(p).get(RenderView.COMPONENT_LABEL));
            });
            return egressRules ? "declared egress " + by : null;
        }
        if (from.kind() == Kind.WORKLOAD && to.kind() == Kind.GATEWAY) {
            for (String id : verdict.ingress().allowedBy()) {
                RenderedResource p = policies.get(id);
                if (p == null) {
                    continue;
                }
                Map<String, String> annotations = RenderView.annotations(p);
                String consumers = annotations.getOrDefault(CONSUMERS_ANNOTATION, "");
                if (annotations.containsKey(EXPORT_ANNOTATION)
                        && List.of(consumers.split(",")).contains(from.group())) {
                    return "export " + annotations.get(EXPORT_ANNOTATION);
                }
            }
            return null;
        }
        return null;
    }
}
