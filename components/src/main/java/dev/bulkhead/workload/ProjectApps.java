package dev.bulkhead.workload;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.ProjectSpec;

import javax.annotation.Nullable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The apps of one project, in its compartments: one {@link Waypoint} per namespace holding an app with L7 rules (and
 * none elsewhere), then every {@link App} in config order, each after its namespace's guards.
 */
public final class ProjectApps extends ComponentResource {

    public static final String TYPE = "bulkhead:workload:ProjectApps";

    private final Map<String, Waypoint> waypoints = new LinkedHashMap<>();
    private final Map<String, App> apps = new LinkedHashMap<>();

    public ProjectApps(String name, ProjectAppsArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        ProjectSpec project = args.project();
        var children = ComponentResourceOptions.builder().parent(this).build();
        for (String namespace : waypointNamespaces(project)) {
            waypoints.put(namespace, new Waypoint(name + "-waypoint-" + namespace, WaypointArgs.builder()
                    .project(project.name())
                    .namespace(namespace)
                    .provider(args.provider())
                    .dependsOn(args.guards(namespace))
                    .build(), children));
        }
        for (AppSpec app : project.apps()) {
            apps.put(app.name(), new App(name + "-" + app.name(), AppArgs.builder()
                    .app(app.name())
                    .project(project)
                    .platform(args.platform())
                    .provider(args.provider())
                    .waypoint(waypoints.get(app.namespace()))
                    .dependsOn(args.guards(app.namespace()))
                    .build(), children));
        }
        registerOutputs(Map.of("apps", Output.of(List.copyOf(apps.keySet())),
                "waypoints", Output.of(List.copyOf(waypoints.keySet()))));
    }

    /** The namespaces that get a waypoint: those with an app with L7 rules, in the project's namespace order. */
    public static List<String> waypointNamespaces(ProjectSpec project) {
        return project.namespaces().stream()
                .filter(ns -> project.apps().stream().anyMatch(a -> a.namespace().equals(ns) && a.l7()))
                .toList();
    }

    /** The waypoints by namespace. */
    public Map<String, Waypoint> waypoints() {
        return Collections.unmodifiableMap(waypoints);
    }

    /** The apps by name, in config order. */
    public Map<String, App> apps() {
        return Collections.unmodifiableMap(apps);
    }
}
