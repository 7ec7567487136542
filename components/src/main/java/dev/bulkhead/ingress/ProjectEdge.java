package dev.bulkhead.ingress;

import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.mesh.ProjectIdentities;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.RouteSpec;
import dev.bulkhead.model.ServiceRef;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the generators of one project's edge need: the project, the platform's trust domain, every project of the
 * stack (to resolve consumers to namespaces) and the public subnets' CIDRs (where the ALB's addresses are).
 */
public record ProjectEdge(ProjectSpec project, PlatformSpec platform, List<ProjectSpec> allProjects,
                          List<String> publicSubnetCidrs) {

    public ProjectEdge {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(platform, "platform");
        allProjects = List.copyOf(allProjects);
        publicSubnetCidrs = List.copyOf(publicSubnetCidrs);
    }

    /** Whether the project has a gateway at all: it has ingress routes or exports. */
    public boolean hasGateway() {
        return project.ingress().isPresent() || !project.exports().isEmpty();
    }

    public String name() {
        return project.name();
    }

    public String gatewayNamespace() {
        return Names.gatewayNamespace(project.name());
    }

    public String gatewayName() {
        return GatewayApi.gatewayName(project.name());
    }

    /** The label Istio puts on the gateway's pods; policies select them by it. */
    public Map<String, String> gatewayPods() {
        return Map.of(Ambient.PROXY_POD_LABEL, gatewayName());
    }

    public String gatewayPrincipal() {
        return ProjectIdentities.gateway(platform.trustDomain(), project.name()).principal();
    }

    public List<RouteSpec> routes() {
        return project.ingress().map(i -> i.routes()).orElse(List.of());
    }

    /** Every service the gateway sends to (routes and exports), with its ports, by namespace; sorted. */
    public Map<String, Map<String, TreeSet<Integer>>> backends() {
        Map<String, Map<String, TreeSet<Integer>>> byNamespace = new TreeMap<>();
        for (RouteSpec route : routes()) {
            add(byNamespace, route.service(), route.port());
        }
        for (ExportSpec export : project.exports()) {
            add(byNamespace, export.service(), export.port());
        }
        return byNamespace;
    }

    /** The ports the gateway sends to in {@code namespace}; empty if it routes nothing there. */
    public TreeSet<Integer> backendPorts(String namespace) {
        TreeSet<Integer> ports = new TreeSet<>();
        backends().getOrDefault(namespace, Map.of()).values().forEach(ports::addAll);
        return ports;
    }

    /** The namespaces of the named projects, in stack order. */
    public List<String> namespacesOf(List<String> projects) {
        List<String> namespaces = new ArrayList<>();
        for (ProjectSpec p : allProjects) {
            if (projects.contains(p.name())) {
                namespaces.addAll(p.namespaces());
            }
        }
        return namespaces;
    }

    /** Labels of an object this edge generates for {@code component} ({@code ingress} or {@code export}). */
    public static Map<String, String> labels(String project, String component) {
        return Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE, Labels.COMPONENT, component,
                Labels.PROJECT, project);
    }

    private static void add(Map<String, Map<String, TreeSet<Integer>>> byNamespace, ServiceRef service, int port) {
        byNamespace.computeIfAbsent(service.namespace(), ns -> new TreeMap<>())
                .computeIfAbsent(service.name(), name -> new TreeSet<>())
                .add(port);
    }
}
