package dev.bulkhead.operator;

import dev.bulkhead.egress.EgressContext;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.OperatorSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link PulumiOperator}: the operator settings, the projects it runs stacks for (and the platform facts
 * their compartments use), where the Kubernetes API answers, and the cluster's provider.
 */
public final class PulumiOperatorArgs extends ResourceArgs {

    private String stack;
    private OperatorSpec spec;
    private List<ProjectSpec> projects;
    private PlatformSpec platform;
    private List<String> apiServerCidrs;
    private String namespace = OperatorChart.NAMESPACE;
    private Provider provider;
    private List<String> publicSubnetCidrs = List.of();
    private EgressContext egress = EgressContext.closed();
    private Map<String, List<Resource>> projectsSealed = Map.of();
    private List<String> protectedStacks = List.of();

    private PulumiOperatorArgs() {
    }

    public String stack() {
        return stack;
    }

    public OperatorSpec spec() {
        return spec;
    }

    public List<ProjectSpec> projects() {
        return projects;
    }

    public PlatformSpec platform() {
        return platform;
    }

    /** Address blocks in which the Kubernetes API answers on 443 (see {@link OperatorNetworkPolicies}). */
    public List<String> apiServerCidrs() {
        return apiServerCidrs;
    }

    public String namespace() {
        return namespace;
    }

    /**
     * Per project, what its Stack and its workspace's RoleBindings wait for: the project's namespaces, sealed with
     * their guards and the platform's contents, and its apps' policies and waypoints, by the platform stack.
     */
    public Map<String, List<Resource>> projectsSealed() {
        return projectsSealed;
    }

    public Provider provider() {
        return provider;
    }

    /** The projects whose Stack object is protected from deletion (those whose namespaces are). */
    public List<String> protectedStacks() {
        return protectedStacks;
    }

    /** The public (ALB) subnets, which a project's gateway admits; the project layers' plans need them. */
    public List<String> publicSubnetCidrs() {
        return publicSubnetCidrs;
    }

    /** What every project's egress policies share; the project layers' plans need it. */
    public EgressContext egress() {
        return egress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PulumiOperatorArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final PulumiOperatorArgs args = new PulumiOperatorArgs();

        public Builder stack(String stack) {
            args.stack = stack;
            return this;
        }

        public Builder spec(OperatorSpec spec) {
            args.spec = spec;
            return this;
        }

        public Builder projects(List<ProjectSpec> projects) {
            args.projects = List.copyOf(projects);
            return this;
        }

        public Builder platform(PlatformSpec platform) {
            args.platform = platform;
            return this;
        }

        public Builder apiServerCidrs(List<String> apiServerCidrs) {
            args.apiServerCidrs = List.copyOf(apiServerCidrs);
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

        public Builder publicSubnetCidrs(List<String> publicSubnetCidrs) {
            args.publicSubnetCidrs = List.copyOf(publicSubnetCidrs);
            return this;
        }

        public Builder projectsSealed(Map<String, List<Resource>> projectsSealed) {
            Map<String, List<Resource>> copy = new LinkedHashMap<>();
            projectsSealed.forEach((project, resources) -> copy.put(project, List.copyOf(resources)));
            args.projectsSealed = Collections.unmodifiableMap(copy);
            return this;
        }

        public Builder protectedStacks(List<String> protectedStacks) {
            args.protectedStacks = List.copyOf(protectedStacks);
            return this;
        }

        public Builder egress(EgressContext egress) {
            args.egress = egress;
            return this;
        }


        public PulumiOperatorArgs build() {
            Objects.requireNonNull(args.stack, "PulumiOperatorArgs: stack is required");
            Objects.requireNonNull(args.spec, "PulumiOperatorArgs: spec is required");
            Objects.requireNonNull(args.projects, "PulumiOperatorArgs: projects is required");
            Objects.requireNonNull(args.platform, "PulumiOperatorArgs: platform is required");
            Objects.requireNonNull(args.apiServerCidrs, "PulumiOperatorArgs: apiServerCidrs is required");
            Objects.requireNonNull(args.namespace, "PulumiOperatorArgs: namespace is required");
            Objects.requireNonNull(args.provider, "PulumiOperatorArgs: provider is required");
            if (args.apiServerCidrs.isEmpty()) {
                throw new IllegalArgumentException("PulumiOperatorArgs: apiServerCidrs must not be empty");
            }
            if (!args.spec.enabled()) {
                throw new IllegalArgumentException("PulumiOperatorArgs: the operator is not enabled in its spec");
            }
            for (ProjectSpec project : args.projects) {
                args.spec.stack(project.name());
            }
            return args;
        }
    }
}
