package dev.bulkhead.check;

import dev.bulkhead.check.Probe.Kind;
import dev.bulkhead.check.ReachQuestion.BadQuestion;
import dev.bulkhead.isolation.AllowMonitoring;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matrix's representative endpoints: per project namespace a pod without labels and a pod of each rendered
 * workload; each gateway and waypoint; kube-dns, istiod and the monitoring namespace's Prometheus; an address in
 * each public subnet, one on the internet and one in every block a NetworkPolicy names. Each probe is built by
 * resolving the name {@code reach} would be given, so that both see the same pod with the same identity.
 */
final class ProbeSet {

    private ProbeSet() {
    }

    static List<Probe> of(RenderView view, Declarations declarations) {
        EndpointResolver resolver = new EndpointResolver(view);
        List<Probe> probes = new ArrayList<>();
        Map<String, String> projectNamespaces = view.projectNamespaces();
        projectNamespaces.forEach((ns, label) -> {
            String group = declarations.projectOf(ns).map(p -> p.name()).orElse(label);
            boolean gatewayNamespace = declarations.projectOf(ns).flatMap(p -> p.gatewayNamespace())
                    .filter(ns::equals).isPresent()
                    || Labels.ROLE_GATEWAY.equals(view.namespaceLabels().get(ns).get(Labels.ROLE));
            if (!gatewayNamespace) {
                probes.add(probe(resolver, ns, group, Kind.WORKLOAD, "namespace:" + ns));
            }
            for (Workload w : view.workloads().in(ns)) {
                if (!w.hostNetwork()) {
                    probes.add(probe(resolver, w.id(), group, Kind.WORKLOAD, "workload:" + w.id()));
                }
            }
        });
        for (RenderedResource gateway : view.kind("Gateway")) {
            String ns = RenderView.namespace(gateway).orElse("default");
            String id = RenderView.id(gateway);
            String role = view.namespaceLabels().getOrDefault(ns, Map.of()).get(Labels.ROLE);
            if (Labels.ROLE_EGRESS.equals(role)) {
                probes.add(probe(resolver, id, Probe.PLATFORM, Kind.EGRESS_WAYPOINT, "gateway:" + id));
            } else if (projectNamespaces.containsKey(ns)) {
                String group = declarations.projectOf(ns).map(p -> p.name()).orElse(projectNamespaces.get(ns));
                probes.add(probe(resolver, id, group, MeshAuthorization.waypoint(gateway) ? Kind.WAYPOINT
                        : Kind.GATEWAY, "gateway:" + id));
            }
        }
        probes.add(probe(resolver, "kube-system/kube-dns", Probe.PLATFORM, Kind.DNS, "kube-system/k8s-app=kube-dns"));
        probes.add(probe(resolver, "istio-system/istiod", Probe.PLATFORM, Kind.ISTIOD, "istio-system/app=istiod"));
        for (String ns : view.namespacesWithRole(Labels.ROLE_MONITORING)) {
            String labels = AllowMonitoring.PROMETHEUS_POD_LABELS.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).sorted().reduce((a, b) -> a + "," + b).orElse("");
            probes.add(probe(resolver, ns + "/prometheus", Probe.PLATFORM, Kind.MONITORING, ns + "/" + labels));
        }
        List<String> publicSubnets = PublicSubnets.cidrs(view);
        for (String cidr : publicSubnets) {
            String ip = PublicSubnets.hostIn(cidr);
            probes.add(new Probe("alb-subnet " + cidr, Probe.INTERNET, Kind.ALB_SUBNET, Party.address(ip), ip));
        }
        probes.add(new Probe("internet " + Reachability.OUTSIDE_ADDRESS, Probe.INTERNET, Kind.INTERNET,
                Party.address(Reachability.OUTSIDE_ADDRESS), Reachability.OUTSIDE_ADDRESS));
        Set<String> blocks = new LinkedHashSet<>();
        for (RenderedResource policy : view.ofType(RenderView.NETWORK_POLICY)) {
            blocks.addAll(PolicyContents.narrowBlocks(policy));
        }
        // the kubelet's probes, rewritten by istio-cni to come from this address on the pod's own node
        blocks.remove(Ambient.PROBE_SOURCE_CIDR);
        for (String cidr : blocks) {
            String ip = PublicSubnets.hostIn(cidr);
            if (!publicSubnets.contains(cidr)) {
                probes.add(new Probe("cidr " + cidr, Probe.INTERNET, Kind.DECLARED_CIDR, Party.address(ip), ip));
            }
        }
        return probes;
    }

    private static Probe probe(EndpointResolver resolver, String name, String group, Kind kind, String question) {
        try {
            Target target = resolver.resolve("probe", question);
            Party party = ((Target.Pods) target).parties().get(0);
            return new Probe(name, group, kind, party, question);
        } catch (BadQuestion e) {
            throw new IllegalStateException("the matrix cannot name its own probe " + question + ": "
                    + e.getMessage(), e);
        }
    }
}
