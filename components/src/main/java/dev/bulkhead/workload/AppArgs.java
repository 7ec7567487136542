package dev.bulkhead.workload;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link App}: which app of which project, the platform facts its policies trust (trust domain, monitoring
 * namespace, image rules), the cluster's provider, the waypoint of its namespace when it has L7 rules, and what must
 * exist first (the namespace's guards). {@link Builder#build()} checks what config would have checked, for apps
 * declared in code.
 */
public final class AppArgs extends ResourceArgs {

    private String appName;
    private ProjectSpec project;
    private PlatformSpec platform;
    private Provider provider;
    private @Nullable Waypoint waypoint;
    private List<Resource> dependsOn = List.of();
    private AppTrust trust;

    private AppArgs() {
    }

    /** The app and what it trusts, resolved against its project. */
    public AppTrust trust() {
        return trust;
    }

    public AppSpec app() {
        return trust.app();
    }

    public String project() {
        return project.name();
    }

    public Provider provider() {
        return provider;
    }

    public Optional<Waypoint> waypoint() {
        return Optional.ofNullable(waypoint);
    }

    public List<Resource> dependsOn() {
        return dependsOn;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AppArgs}; {@link #build()} names a missing property or a rule the app breaks. */
    public static final class Builder {
        private final AppArgs args = new AppArgs();

        /** The app, by name, among {@code project}'s apps. */
        public Builder app(String name) {
            args.appName = name;
            return this;
        }

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

        /** The waypoint of the app's namespace; required exactly when the app has L7 rules or JWT. */
        public Builder waypoint(@Nullable Waypoint waypoint) {
            args.waypoint = waypoint;
            return this;
        }

        public Builder dependsOn(List<? extends Resource> dependsOn) {
            args.dependsOn = List.copyOf(dependsOn);
            return this;
        }

        public AppArgs build() {
            Objects.requireNonNull(args.appName, "AppArgs: app is required");
            Objects.requireNonNull(args.project, "AppArgs: project is required");
            Objects.requireNonNull(args.platform, "AppArgs: platform is required");
            Objects.requireNonNull(args.provider, "AppArgs: provider is required");
            AppSpec app = args.project.app(args.appName).orElseThrow(() -> new IllegalArgumentException(
                    "AppArgs: " + args.appName + " is not an app of project " + args.project.name() + "; its apps are "
                            + args.project.apps().stream().map(AppSpec::name).toList()));
            args.trust = new AppTrust(app, args.project, args.platform);
            AppImageRules.check("AppArgs", app, args.platform.allowImageTags(), args.platform.allowedRegistries());
            if (app.l7() && (args.waypoint == null || !args.waypoint.namespace().equals(app.namespace()))) {
                throw new IllegalArgumentException("AppArgs: app " + app.name() + " has L7 rules (authorization or "
                        + "jwt) and needs the Waypoint of namespace " + app.namespace() + "; create one and pass it");
            }
            if (!app.l7()) {
                args.waypoint = null;
            }
            return args;
        }
    }
}
