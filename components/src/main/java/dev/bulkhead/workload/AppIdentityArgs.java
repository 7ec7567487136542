package dev.bulkhead.workload;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.AppSpec;

import java.util.Objects;

/**
 * Inputs of {@link AppIdentity}: the stack (role names), the project and app, and the cluster whose Pod Identity
 * hands the role out (its name as the cluster's output, so the association waits for the cluster).
 */
public final class AppIdentityArgs extends ResourceArgs {

    private String stack;
    private String project;
    private AppSpec app;
    private Output<String> clusterName;

    private AppIdentityArgs() {
    }

    public String stack() {
        return stack;
    }

    public String project() {
        return project;
    }

    public AppSpec app() {
        return app;
    }

    public Output<String> clusterName() {
        return clusterName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AppIdentityArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final AppIdentityArgs args = new AppIdentityArgs();

        public Builder stack(String stack) {
            args.stack = stack;
            return this;
        }

        public Builder project(String project) {
            args.project = project;
            return this;
        }

        public Builder app(AppSpec app) {
            args.app = app;
            return this;
        }

        /** The cluster's name, as the cluster's output: the trust pins it and the association waits for it. */
        public Builder clusterName(Output<String> clusterName) {
            args.clusterName = clusterName;
            return this;
        }

        public AppIdentityArgs build() {
            Objects.requireNonNull(args.stack, "AppIdentityArgs: stack is required");
            Objects.requireNonNull(args.project, "AppIdentityArgs: project is required");
            Objects.requireNonNull(args.app, "AppIdentityArgs: app is required");
            Objects.requireNonNull(args.clusterName, "AppIdentityArgs: clusterName is required");
            if (args.app.aws().isEmpty()) {
                throw new IllegalArgumentException("AppIdentityArgs: app " + args.app.name()
                        + " has no aws access; it needs no role");
            }
            return args;
        }
    }
}
