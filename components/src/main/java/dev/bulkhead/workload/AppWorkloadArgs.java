package dev.bulkhead.workload;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.AppSpec;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link AppWorkload}: the app, the project it belongs to and that project's namespaces (where its stack may
 * write), the platform's image rules, the cluster's provider, and what must exist first. {@link Builder#build()}
 * checks that the app lives in one of the project's namespaces and that its image meets the image rules, so a team's
 * program fails before it registers anything the cluster would refuse.
 */
public final class AppWorkloadArgs extends ResourceArgs {

    private String project;
    private List<String> namespaces;
    private AppSpec app;
    private Provider provider;
    private boolean allowImageTags;
    private List<String> allowedRegistries = List.of();
    private List<Resource> dependsOn = List.of();

    private AppWorkloadArgs() {
    }

    public String project() {
        return project;
    }

    /** The project's namespaces: the app's must be one of them. */
    public List<String> namespaces() {
        return namespaces;
    }

    public AppSpec app() {
        return app;
    }

    public Provider provider() {
        return provider;
    }

    public List<Resource> dependsOn() {
        return dependsOn;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AppWorkloadArgs}; {@link #build()} names a missing property or a rule the app breaks. */
    public static final class Builder {
        private final AppWorkloadArgs args = new AppWorkloadArgs();

        /** The project's name, as the platform configured it: the app's objects and pods are labelled with it. */
        public Builder project(String project) {
            args.project = project;
            return this;
        }

        /** The project's namespaces, as the platform configured them. */
        public Builder namespaces(List<String> namespaces) {
            args.namespaces = List.copyOf(namespaces);
            return this;
        }

        public Builder app(AppSpec app) {
            args.app = app;
            return this;
        }

        public Builder provider(Provider provider) {
            args.provider = provider;
            return this;
        }

        /** Whether the platform admits images by tag ({@code bulkhead:platform.allowImageTags}); digests only by default. */
        public Builder allowImageTags(boolean allowImageTags) {
            args.allowImageTags = allowImageTags;
            return this;
        }

        /** The registries the platform admits ({@code bulkhead:platform.allowedRegistries}); none: left to admission. */
        public Builder allowedRegistries(List<String> allowedRegistries) {
            args.allowedRegistries = List.copyOf(allowedRegistries);
            return this;
        }

        public Builder dependsOn(List<? extends Resource> dependsOn) {
            args.dependsOn = List.copyOf(dependsOn);
            return this;
        }

        public AppWorkloadArgs build() {
            Objects.requireNonNull(args.project, "AppWorkloadArgs: project is required");
            Objects.requireNonNull(args.namespaces, "AppWorkloadArgs: namespaces is required");
            Objects.requireNonNull(args.app, "AppWorkloadArgs: app is required");
            Objects.requireNonNull(args.provider, "AppWorkloadArgs: provider is required");
            if (!args.namespaces.contains(args.app.namespace())) {
                throw new IllegalArgumentException("AppWorkloadArgs: app " + args.app.name() + " is in namespace "
                        + args.app.namespace() + ", which is not one of project " + args.project + "'s namespaces "
                        + args.namespaces + "; a project's stack may write only there");
            }
            AppImageRules.check("AppWorkloadArgs", args.app, args.allowImageTags, args.allowedRegistries);
            return args;
        }
    }
}
