package dev.bulkhead.intent;

import dev.bulkhead.config.StackSettings;
import dev.bulkhead.egress.EgressDestinations;
import dev.bulkhead.ingress.GatewayPorts;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.EgressRule;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.RouteSpec;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives a stack's {@link Intent} from its validated settings: per project, its own traffic, DNS, scrapes on its
 * metrics ports, its egress entries, its routes and its exports; for the platform, the egress waypoint's way out
 * and the proxies' link to istiod. Pure: reads settings, registers nothing.
 */
public final class IntentPlan {

    static final String HBONE = Ambient.HBONE_PORT + "/TCP";
    static final List<String> DNS = List.of("53/UDP", "53/TCP");

    private IntentPlan() {
    }

    public static Intent of(StackSettings settings) {
        List<ProjectIntent> projects = new ArrayList<>();
        List<DeclaredFlow> flows = new ArrayList<>();
        Set<String> waypointPorts = new TreeSet<>();
        List<EgressRule.Host> shared = EgressDestinations.sharedHosts(settings.sharedEgress(), settings.region());
        for (ProjectSpec spec : settings.projects()) {
            projects.add(project(spec));
            flows.addAll(projectFlows(spec, settings, shared, waypointPorts));
        }
        if (!waypointPorts.isEmpty()) {
            flows.add(new DeclaredFlow("egress-waypoint", "outside", List.copyOf(waypointPorts),
                    "the egress waypoint to the hosts it serves", "egress hosts of every project"));
            flows.add(new DeclaredFlow("egress-waypoint", "dns", DNS, "DNS", "platform"));
            flows.add(new DeclaredFlow("egress-waypoint", "istiod", List.of(Ambient.ISTIOD_XDS_PORT + "/TCP"),
                    "mesh proxy to istiod", "platform"));
        }
        return new Intent(Intent.VERSION, settings.stack(), settings.layer().layer().configValue(),
                settings.platform().trustDomain(), settings.platform().monitoringNamespace(), projects, flows);
    }

    private static ProjectIntent project(ProjectSpec spec) {
        List<ProjectIntent.Route> routes = spec.ingress().map(i -> i.routes().stream()
                .map(r -> new ProjectIntent.Route(r.host(), r.path(), r.service().toString(), r.port())).toList())
                .orElse(List.of());
        List<ProjectIntent.Export> exports = new ArrayList<>();
        for (int i = 0; i < spec.exports().size(); i++) {
            ExportSpec e = spec.exports().get(i);
            exports.add(new ProjectIntent.Export(e.name(), e.service().toString(), e.port(), GatewayPorts.export(e.name()),
                    e.consumers()));
        }
        List<String> egress = spec.egressRules().stream().map(IntentPlan::entry).toList();
        return new ProjectIntent(spec.name(), spec.namespaces(), gatewayNamespace(spec), routes, exports, egress);
    }

    private static Optional<String> gatewayNamespace(ProjectSpec spec) {
        boolean gateway = spec.ingress().isPresent() || !spec.exports().isEmpty();
        return gateway ? Optional.of(Names.gatewayNamespace(spec.name())) : Optional.empty();
    }

    private static List<DeclaredFlow> projectFlows(ProjectSpec spec, StackSettings settings,
                                                   List<EgressRule.Host> shared, Set<String> waypointPorts) {
        String p = spec.name();
        String self = "project:" + p;
        String key = "projects[" + p + "]";
        List<DeclaredFlow> flows = new ArrayList<>();
        flows.add(new DeclaredFlow(self, self, List.of(), "same project", key + ".namespaces"));
        flows.add(new DeclaredFlow(self, "dns", DNS, "DNS", "platform"));
        List<String> metrics = new ArrayList<>();
        spec.scrapePorts().forEach(port -> metrics.add(port + "/TCP"));
        metrics.add(HBONE);
        flows.add(new DeclaredFlow("prometheus", self, metrics, "metrics scrape",
                key + ".metricsPorts and .apps[].metricsPort"));
        for (String namespace : waypointNamespaces(spec)) {
            String waypoint = "waypoint:" + namespace;
            String at = key + ".apps (authorization or jwt in " + namespace + ")";
            flows.add(new DeclaredFlow(waypoint, "dns", DNS, "DNS", at));
            flows.add(new DeclaredFlow(waypoint, "istiod", List.of(Ambient.ISTIOD_XDS_PORT + "/TCP"),
                    "mesh proxy to istiod", at));
        }
        List<EgressRule> egress = spec.egressRules();
        for (int i = 0; i < egress.size(); i++) {
            EgressRule rule = egress.get(i);
            String at = key + ".egress[" + i + "] (" + entry(rule) + ")";
            if (rule instanceof EgressRule.Host host) {
                flows.add(new DeclaredFlow(self, "egress-waypoint", List.of(HBONE),
                        "egress through the waypoint to " + host.host() + ":" + host.port(), at));
                waypointPorts.add(host.port() + "/TCP");
            } else if (rule instanceof EgressRule.Cidr cidr) {
                String to = cidr.cidr().endsWith("/0") ? "outside" : "cidr:" + cidr.cidr();
                flows.add(new DeclaredFlow(self, to, List.of(cidr.port() + "/TCP"),
                        "declared egress to " + cidr.cidr() + ":" + cidr.port(), at));
            }
        }
        for (int i = 0; i < shared.size(); i++) {
            EgressRule.Host host = shared.get(i);
            flows.add(new DeclaredFlow(self, "egress-waypoint", List.of(HBONE),
                    "shared egress through the waypoint to " + host.host() + ":" + host.port(), "egress"));
            waypointPorts.add(host.port() + "/TCP");
        }
        Optional<String> gatewayNamespace = gatewayNamespace(spec);
        if (gatewayNamespace.isEmpty()) {
            return flows;
        }
        String gateway = "gateway:" + p;
        flows.add(new DeclaredFlow(gateway, "dns", DNS, "DNS", "platform"));
        flows.add(new DeclaredFlow(gateway, "istiod", List.of(Ambient.ISTIOD_XDS_PORT + "/TCP"),
                "mesh proxy to istiod", "platform"));
        flows.add(new DeclaredFlow("prometheus", gateway, List.of(GatewayPorts.METRICS + "/TCP", HBONE),
                "metrics scrape of the gateway", key + ".ingress"));
        if (spec.ingress().isPresent()) {
            flows.add(new DeclaredFlow("alb-subnets", gateway,
                    List.of(GatewayPorts.PUBLIC + "/TCP", GatewayPorts.HEALTH + "/TCP"), "ALB to gateway",
                    key + ".ingress"));
            List<RouteSpec> routes = spec.ingress().get().routes();
            for (int i = 0; i < routes.size(); i++) {
                RouteSpec r = routes.get(i);
                flows.add(new DeclaredFlow(gateway, "namespace:" + r.service().namespace(),
                        List.of(r.port() + "/TCP", HBONE),
                        "route " + r.host() + r.path() + " to " + r.service() + ":" + r.port(),
                        key + ".ingress.routes[" + i + "]"));
            }
        }
        for (int i = 0; i < spec.exports().size(); i++) {
            ExportSpec e = spec.exports().get(i);
            String at = key + ".exports[" + e.name() + "]";
            for (String consumer : e.consumers()) {
                flows.add(new DeclaredFlow("project:" + consumer, gateway,
                        List.of(GatewayPorts.export(e.name()) + "/TCP", HBONE), "export " + e.name() + " of " + p, at));
            }
            flows.add(new DeclaredFlow(gateway, "namespace:" + e.service().namespace(),
                    List.of(e.port() + "/TCP", HBONE), "export " + e.name() + " to " + e.service() + ":" + e.port(),
                    at));
        }
        return flows;
    }

    /** The namespaces that hold a waypoint: those with an app that has L7 rules. */
    private static Set<String> waypointNamespaces(ProjectSpec spec) {
        Set<String> namespaces = new TreeSet<>();
        spec.apps().stream().filter(AppSpec::l7).forEach(app -> namespaces.add(app.namespace()));
        return namespaces;
    }

    /** An egress entry as config writes it. */
    static String entry(EgressRule rule) {
        if (rule instanceof EgressRule.Host host) {
            return host.host() + ":" + host.port() + (host.tlsOrigination() ? " (TLS origination)" : "");
        }
        EgressRule.Cidr cidr = (EgressRule.Cidr) rule;
        return cidr.cidr() + ":" + cidr.port() + (cidr.allowAny() ? " (allowAny)" : "");
    }
}
