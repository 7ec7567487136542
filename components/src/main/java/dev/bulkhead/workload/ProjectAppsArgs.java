package dev.bulkhead.workload;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.Layer;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Inputs of {@link ProjectApps}: the project (its apps among it), the platform facts their policies trust, the
 * cluster's provider, per namespace what its apps must wait for (the namespace's guards), and which layer's part of
 * the apps to create.
 */
public final class ProjectAppsArgs extends ResourceArgs {

    private ProjectSpec project;
    private PlatformSpec platform;
    private Provider provider;
    private Map<String, List<Resource>> guards = Map.of();
    private Layer layer = Layer.ALL;

    private ProjectAppsArgs() {
    }

    public ProjectSpec project() {
        return project;
    }

    public PlatformSpec platform() {
        return platform;
    }

    public Provider provider() {
        return provider;
    }

    /** What the apps of {@code namespace} wait for; nothing when none was given. */
    public List<Resource> guards(String namespace) {
        return guards.getOrDefault(namespace, List.of());
    }

    /** Which part of the apps this stack creates (see {@link ProjectApps}); all of them unless set. */
    public Layer layer() {
        return layer;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProjectAppsArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final ProjectAppsArgs args = new ProjectAppsArgs();

        public Builder project(ProjectSpec project) {
            args.project = project;
            return this;
        }

        public Builder platform(PlatformSpec platform) {
            args.platform = platform;
            return this;
        }

        public Builder provider(Provider provider) {
            args.provider = provider;
            return this;
        }

        /** Per namespace, the resources its apps and waypoint are created after. */
        public Builder guards(Map<String, ? extends List<? extends Resource>> guards) {
            Map<String, List<Resource>> copy = new TreeMap<>();
            guards.forEach((ns, resources) -> copy.put(ns, List.copyOf(resources)));
            args.guards = copy;
            return this;
        }

        /** Which part of the apps this stack creates: see {@link ProjectApps}. */
        public Builder layer(Layer layer) {
            args.layer = Objects.requireNonNull(layer, "layer");
            return this;
        }

        public ProjectAppsArgs build() {
            Objects.requireNonNull(args.project, "ProjectAppsArgs: project is required");
            Objects.requireNonNull(args.platform, "ProjectAppsArgs: platform is required");
            Objects.requireNonNull(args.provider, "ProjectAppsArgs: provider is required");
            return args;
        }
    }
}
