package dev.bulkhead.workload;

import dev.bulkhead.ingress.GatewayApi;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.mesh.ProjectIdentities;
import dev.bulkhead.mesh.SpiffeId;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.RouteSpec;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who an app trusts, resolved against its project: its callers as apps with a namespace and an identity, the
 * project's gateway when a route or export names the app's Service, the metrics scraper, and its waypoint when it has
 * L7 rules. Checks on construction what config checks with friendlier messages, so that an app built in Java code
 * cannot name a caller that does not exist.
 */
public record AppTrust(AppSpec app, ProjectSpec project, PlatformSpec platform) {

    public AppTrust {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(platform, "platform");
        if (project.app(app.name()).filter(app::equals).isEmpty()) {
            throw new IllegalArgumentException("app " + app.name() + " is not one of project " + project.name()
                    + "'s apps");
        }
        if (!project.namespaces().contains(app.namespace())) {
            throw new IllegalArgumentException("app " + app.name() + ": namespace " + app.namespace()
                    + " is not one of project " + project.name() + "'s namespaces " + project.namespaces());
        }
        for (String caller : app.trustedCallers().orElse(List.of())) {
            if (project.app(caller).isEmpty()) {
                throw new IllegalArgumentException("app " + app.name() + ": caller " + caller
                        + " is not an app of project " + project.name());
            }
        }
    }

    /** One caller: its name and namespace. */
    public record Caller(String name, String namespace) {
    }

    /** The callers when narrowed; empty for every app of the project. */
    public Optional<List<Caller>> callers() {
        return app.trustedCallers().map(names -> names.stream()
                .map(name -> new Caller(name, project.app(name).orElseThrow().namespace()))
                .toList());
    }

    public String principal(Caller caller) {
        return new SpiffeId(platform.trustDomain(), caller.namespace(), caller.name()).principal();
    }

    /** The app's own identity. */
    public SpiffeId identity() {
        return new SpiffeId(platform.trustDomain(), app.namespace(), app.name());
    }

    /** Every identity of the project, for an app every project app may call. */
    public List<String> projectMembers() {
        return ProjectIdentities.members(platform.trustDomain(), project.name(), project.namespaces());
    }

    /** The ports routes and exports send the gateway to on the app's Service; empty when it is not routed. */
    public TreeSet<Integer> gatewayPorts() {
        TreeSet<Integer> ports = new TreeSet<>();
        for (RouteSpec route : project.ingress().map(i -> i.routes()).orElse(List.of())) {
            if (names(route.service().namespace(), route.service().name())) {
                ports.add(route.port());
            }
        }
        for (ExportSpec export : project.exports()) {
            if (names(export.service().namespace(), export.service().name())) {
                ports.add(export.port());
            }
        }
        return ports;
    }

    public String gatewayPrincipal() {
        return ProjectIdentities.gateway(platform.trustDomain(), project.name()).principal();
    }

    public String gatewayNamespace() {
        return Names.gatewayNamespace(project.name());
    }

    /** The labels Istio puts on the project gateway's pods. */
    public Map<String, String> gatewayPods() {
        return Map.of(Ambient.PROXY_POD_LABEL, GatewayApi.gatewayName(project.name()));
    }

    public String scraperPrincipal() {
        return ProjectIdentities.scraper(platform.trustDomain(), platform.monitoringNamespace()).principal();
    }

    /** The identity of the waypoint of the app's namespace (Istio runs it as a ServiceAccount named like it). */
    public String waypointPrincipal() {
        return new SpiffeId(platform.trustDomain(), app.namespace(), Waypoint.NAME).principal();
    }

    /** The principals of the callers, in config order; meaningful only when narrowed. */
    public List<String> callerPrincipals() {
        List<String> principals = new ArrayList<>();
        callers().orElse(List.of()).forEach(c -> principals.add(principal(c)));
        return principals;
    }

    private boolean names(String namespace, String service) {
        return namespace.equals(app.namespace()) && service.equals(app.name());
    }
}
