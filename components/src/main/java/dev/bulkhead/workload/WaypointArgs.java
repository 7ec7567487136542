package dev.bulkhead.workload;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Objects;

/** Inputs of {@link Waypoint}: the project and namespace it serves, the cluster's provider, and what comes first. */
public final class WaypointArgs extends ResourceArgs {

    private String project;
    private String namespace;
    private Provider provider;
    private List<Resource> dependsOn = List.of();

    private WaypointArgs() {
    }

    public String project() {
        return project;
    }

    public String namespace() {
        return namespace;
    }

    public Provider provider() {
        return provider;
    }

    /** What must exist before the waypoint: the namespace's guards. */
    public List<Resource> dependsOn() {
        return dependsOn;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link WaypointArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final WaypointArgs args = new WaypointArgs();

        public Builder project(String project) {
            args.project = project;
            return this;
        }

        public Builder namespace(String namespace) {
            args.namespace = namespace;
            return this;
        }

        public Builder provider(Provider provider) {
            args.provider = provider;
            return this;
        }

        public Builder dependsOn(List<? extends Resource> dependsOn) {
            args.dependsOn = List.copyOf(dependsOn);
            return this;
        }

        public WaypointArgs build() {
            Objects.requireNonNull(args.project, "WaypointArgs: project is required");
            Objects.requireNonNull(args.namespace, "WaypointArgs: namespace is required");
            Objects.requireNonNull(args.provider, "WaypointArgs: provider is required");
            return args;
        }
    }
}
