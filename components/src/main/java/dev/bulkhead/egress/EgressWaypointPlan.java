package dev.bulkhead.egress;

import dev.bulkhead.isolation.AllowDns;
import dev.bulkhead.isolation.AllowIstiod;
import dev.bulkhead.isolation.CompartmentPlan;
import dev.bulkhead.isolation.DefaultDeny;
import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.isolation.PodSecurity;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.AllowNothing;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.mesh.IstioSecurity;
import dev.bulkhead.mesh.SpiffeId;
import dev.bulkhead.mesh.StrictMtls;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;
import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * The cluster's one way out to named hosts: the {@value #NAMESPACE} namespace, sealed like a project namespace,
 * holding an Istio egress waypoint, one ServiceEntry per external host bound to it, and per host an
 * AuthorizationPolicy that admits only the identities of the projects that listed it. The waypoint's pods accept
 * HBONE only from namespaces of projects that use it and may connect out only on the ports the entries name, never
 * into the VPC (except to its AWS service endpoints when the platform shares AWS services) or the Service range.
 * Pure; creates nothing.
 */
public final class EgressWaypointPlan {

    public static final String NAMESPACE = "bulkhead-egress";
    public static final String WAYPOINT = "egress-waypoint";
    public static final String COMPONENT = "egress";
    public static final String NETWORKING_API = "networking.istio.io/v1";
    public static final String GATEWAY_API = "gateway.networking.k8s.io/v1";
    /** The labels of the waypoint's pods, set by Istio from the Gateway's name. */
    public static final Map<String, String> WAYPOINT_POD_LABELS = Map.of(Ambient.PROXY_POD_LABEL, WAYPOINT);
    static final int HTTPS_PORT = 443;

    /**
     * @param hosts       what the waypoint serves ({@link EgressDestinations#hosts})
     * @param projects    every project, for the namespaces whose identities a host admits
     * @param vpcCidr     the VPC; the waypoint never connects into it except to AWS endpoints when {@code awsEndpoints}
     * @param serviceCidr the cluster's Service range, never a destination
     */
    public record Inputs(String trustDomain, List<ExternalHost> hosts, List<ProjectSpec> projects, String vpcCidr,
                         String serviceCidr, boolean awsEndpoints) {
        public Inputs {
            hosts = List.copyOf(hosts);
            projects = List.copyOf(projects);
        }
    }

    private EgressWaypointPlan() {
    }

    public static Map<String, String> labels() {
        return Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE, Labels.COMPONENT, COMPONENT);
    }

    public static CompartmentPlan of(Inputs in) {
        if (in.hosts().isEmpty()) {
            throw new IllegalArgumentException("an egress waypoint without hosts would admit nothing; do not create it");
        }
        Map<String, String> labels = labels();
        List<Manifest> contents = new ArrayList<>();
        contents.add(waypoint(labels));
        Map<String, List<ExternalHost>> byHost = new TreeMap<>();
        in.hosts().forEach(h -> byHost.computeIfAbsent(h.host(), k -> new ArrayList<>()).add(h));
        byHost.forEach((host, entries) -> {
            contents.add(serviceEntry(host, entries, labels));
            if (entries.stream().anyMatch(ExternalHost::tlsOrigination)) {
                contents.add(tlsOrigination(host, entries, labels));
            }
            contents.add(authorization(in, host, entries, labels));
        });
        contents.add(AllowDns.forNamespace(NAMESPACE, labels));
        contents.add(AllowIstiod.forNamespace(NAMESPACE, labels));
        contents.add(allowFromProjects(in, labels));
        contents.add(allowOut(in, labels));
        return new CompartmentPlan(namespace(labels),
                List.of(DefaultDeny.forNamespace(NAMESPACE, labels),
                        StrictMtls.forNamespace(NAMESPACE, labels),
                        AllowNothing.forNamespace(NAMESPACE, labels)),
                contents);
    }

    /** The ServiceEntry, AuthorizationPolicy and DestinationRule name of a host (see {@link Names#host}). */
    public static String slug(String host) {
        return Names.host(host);
    }

    private static Manifest namespace(Map<String, String> labels) {
        Map<String, String> all = new TreeMap<>(labels);
        all.put(Labels.ROLE, Labels.ROLE_EGRESS);
        all.put(Labels.NAMESPACE_NAME, NAMESPACE);
        all.putAll(PodSecurity.labels());
        return new Manifest("v1", "Namespace", NAMESPACE, null, all, Map.of(), false);
    }

    private static Manifest waypoint(Map<String, String> labels) {
        Map<String, String> all = new TreeMap<>(labels);
        all.put(Labels.WAYPOINT_FOR, "service");
        return new Manifest(GATEWAY_API, "Gateway", WAYPOINT, NAMESPACE, all, Map.of("spec", Map.of(
                "gatewayClassName", "istio-waypoint",
                "listeners", List.of(Map.of("name", "mesh", "port", Ambient.HBONE_PORT, "protocol", "HBONE")))),
                false);
    }

    private static Manifest serviceEntry(String host, List<ExternalHost> entries, Map<String, String> labels) {
        Map<String, String> all = new TreeMap<>(labels);
        all.put(Labels.USE_WAYPOINT, WAYPOINT);
        List<Object> ports = new ArrayList<>();
        for (ExternalHost e : entries) {
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("number", e.callPort());
            if (e.tlsOrigination()) {
                port.put("name", "http-" + e.port());
                port.put("protocol", "HTTP");
                port.put("targetPort", e.port());
            } else {
                port.put("name", "tls-" + e.port());
                port.put("protocol", "TLS");
            }
            ports.add(port);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("hosts", List.of(host));
        spec.put("location", "MESH_EXTERNAL");
        // A wildcard cannot be resolved ahead of time; the waypoint resolves each connection's SNI name.
        spec.put("resolution", host.startsWith("*.") ? "DYNAMIC_DNS" : "DNS");
        spec.put("ports", ports);
        String destinations = String.join(",", entries.stream().map(e -> host + ":" + e.port()).toList());
        return new Manifest(NETWORKING_API, "ServiceEntry", slug(host), NAMESPACE, all, Map.of("spec", spec), false)
                .withAnnotations(Map.of(Labels.EGRESS_DESTINATION, destinations));
    }

    private static Manifest tlsOrigination(String host, List<ExternalHost> entries, Map<String, String> labels) {
        List<Object> settings = new ArrayList<>();
        for (ExternalHost e : entries) {
            if (e.tlsOrigination()) {
                settings.add(Map.of("port", Map.of("number", e.callPort()),
                        "tls", Map.of("mode", "SIMPLE", "sni", host)));
            }
        }
        return Manifest.namespaced(NETWORKING_API, "DestinationRule", NAMESPACE, "tls-" + slug(host), labels,
                Map.of("host", host, "trafficPolicy", Map.of("portLevelSettings", settings)));
    }

    /** Per port of the host, the identities of the projects that listed it; nobody else passes the waypoint. */
    private static Manifest authorization(Inputs in, String host, List<ExternalHost> entries,
                                          Map<String, String> labels) {
        List<Object> rules = new ArrayList<>();
        for (ExternalHost e : entries) {
            // sorted: which namespaces are listed matters, not the order the config lists them in
            SortedSet<String> principals = new TreeSet<>();
            for (String project : e.projects()) {
                ProjectSpec spec = in.projects().stream().filter(p -> p.name().equals(project)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(host + " admits unknown project " + project));
                // the project's own namespaces only: its gateway faces inward and has no way out
                spec.namespaces().forEach(ns -> principals.add(SpiffeId.anyIn(in.trustDomain(), ns).principal()));
            }
            rules.add(Map.of(
                    "from", List.of(Map.of("source", Map.of("principals", List.copyOf(principals)))),
                    "to", List.of(Map.of("operation", Map.of("ports", List.of(String.valueOf(e.callPort())))))));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("targetRefs", List.of(Map.of("group", "networking.istio.io", "kind", "ServiceEntry",
                "name", slug(host))));
        spec.put("action", "ALLOW");
        spec.put("rules", rules);
        return Manifest.namespaced(IstioSecurity.API_VERSION, IstioSecurity.AUTHORIZATION_POLICY, NAMESPACE,
                "allow-" + slug(host), labels, spec);
    }

    /** HBONE into the waypoint from the namespaces of the projects that use it, and from nothing else. */
    private static Manifest allowFromProjects(Inputs in, Map<String, String> labels) {
        Set<String> users = EgressDestinations.users(in.hosts());
        Map<String, Object> peer = Map.of("namespaceSelector", Map.of("matchExpressions", List.of(Map.of(
                "key", Labels.PROJECT, "operator", "In", "values", List.copyOf(users)))));
        return NetworkPolicyParts.policy(NAMESPACE, labels, "allow-from-projects", Map.of(
                "podSelector", NetworkPolicyParts.matchLabels(WAYPOINT_POD_LABELS),
                "policyTypes", List.of(INGRESS),
                "ingress", List.of(NetworkPolicyParts.from(List.of(peer),
                        List.of(NetworkPolicyParts.tcp(Ambient.HBONE_PORT))))));
    }

    /** Out to the internet on the entries' upstream ports only; never into private ranges, the VPC or the Services. */
    private static Manifest allowOut(Inputs in, Map<String, String> labels) {
        Set<Integer> ports = new TreeSet<>();
        in.hosts().forEach(h -> ports.add(h.port()));
        List<Map<String, Object>> egress = new ArrayList<>();
        egress.add(NetworkPolicyParts.to(
                List.of(NetworkPolicyParts.anyAddressExcept(NeverOutside.ranges(List.of(in.vpcCidr(),
                        in.serviceCidr())))),
                ports.stream().map(NetworkPolicyParts::tcp).toList()));
        if (in.awsEndpoints()) {
            // The interface endpoints' addresses are in the VPC; private DNS resolves the service names to them.
            egress.add(NetworkPolicyParts.to(List.of(NetworkPolicyParts.ipBlock(in.vpcCidr())),
                    List.of(NetworkPolicyParts.tcp(HTTPS_PORT))));
        }
        return NetworkPolicyParts.policy(NAMESPACE, labels, "allow-out", Map.of(
                "podSelector", NetworkPolicyParts.matchLabels(WAYPOINT_POD_LABELS),
                "policyTypes", List.of(EGRESS),
                "egress", egress));
    }
}
