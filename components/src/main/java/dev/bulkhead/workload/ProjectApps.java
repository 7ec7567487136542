package dev.bulkhead.workload;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.Layer;
import dev.bulkhead.model.ProjectSpec;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The apps of one project, in its compartments, each namespace's after that namespace's guards, in config order. Which
 * part of them depends on the layer ({@link ProjectAppsArgs#layer()}):
 * <ul>
 *   <li>{@link Layer#ALL}: one {@link Waypoint} per namespace holding an app with L7 rules, then every {@link App},
 *       perimeter and workload in one stack;</li>
 *   <li>{@link Layer#PLATFORM}: the waypoints and every app's {@link AppPerimeter}, which the platform stack owns;</li>
 *   <li>{@link Layer#PROJECT}: every app's {@link AppWorkload}, which the project's own stack runs.</li>
 * </ul>
 */
public final class ProjectApps extends ComponentResource {

    public static final String TYPE = "bulkhead:workload:ProjectApps";

    private final Map<String, Waypoint> waypoints = new LinkedHashMap<>();
    private final Map<String, App> apps = new LinkedHashMap<>();
    private final List<Resource> resources = new ArrayList<>();

    public ProjectApps(String name, ProjectAppsArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        ProjectSpec project = args.project();
        var children = ComponentResourceOptions.builder().parent(this).build();
        if (args.layer() != Layer.PROJECT) {
            for (String namespace : waypointNamespaces(project)) {
                Waypoint waypoint = new Waypoint(name + "-waypoint-" + namespace, WaypointArgs.builder()
                        .project(project.name())
                        .namespace(namespace)
                        .provider(args.provider())
                        .dependsOn(args.guards(namespace))
                        .build(), children);
                waypoints.put(namespace, waypoint);
                resources.add(waypoint.resource());
            }
        }
        for (AppSpec app : project.apps()) {
            String appName = name + "-" + app.name();
            switch (args.layer()) {
                case ALL -> {
                    App created = new App(appName, appArgs(args, app), children);
                    apps.put(app.name(), created);
                    resources.addAll(created.policies());
                    resources.add(created.deployment());
                }
                case PLATFORM -> resources.addAll(new AppPerimeter(appName, appArgs(args, app), children).policies());
                case PROJECT -> resources.add(new AppWorkload(appName, AppWorkloadArgs.builder()
                        .project(project.name())
                        .namespaces(project.namespaces())
                        .app(app)
                        .allowImageTags(args.platform().allowImageTags())
                        .allowedRegistries(args.platform().allowedRegistries())
                        .provider(args.provider())
                        .dependsOn(args.guards(app.namespace()))
                        .build(), children).deployment());
            }
        }
        registerOutputs(Map.of("apps", Output.of(project.apps().stream().map(AppSpec::name).toList()),
                "waypoints", Output.of(List.copyOf(waypoints.keySet()))));
    }

    private AppArgs appArgs(ProjectAppsArgs args, AppSpec app) {
        return AppArgs.builder()
                .app(app.name())
                .project(args.project())
                .platform(args.platform())
                .provider(args.provider())
                .waypoint(waypoints.get(app.namespace()))
                .dependsOn(args.guards(app.namespace()))
                .build();
    }

    /** The namespaces that get a waypoint: those with an app with L7 rules, in the project's namespace order. */
    public static List<String> waypointNamespaces(ProjectSpec project) {
        return project.namespaces().stream()
                .filter(ns -> project.apps().stream().anyMatch(a -> a.namespace().equals(ns) && a.l7()))
                .toList();
    }

    /** The waypoints by namespace; none in the project layer. */
    public Map<String, Waypoint> waypoints() {
        return Collections.unmodifiableMap(waypoints);
    }

    /** The apps by name, in config order; only in the all-in-one layer. */
    public Map<String, App> apps() {
        return Collections.unmodifiableMap(apps);
    }

    /**
     * What this layer's part of the apps registered that others may wait for: the waypoints' Gateways, then per app
     * its policies (and, where it runs, its Deployment).
     */
    public List<Resource> resources() {
        return Collections.unmodifiableList(resources);
    }
}
