package dev.bulkhead.project;

import dev.bulkhead.egress.EgressContext;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.Layer;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link Project}: the project's spec, the platform facts its policies trust (trust domain, monitoring
 * namespace), every project of the stack (exports name their consumers), and the cluster's provider.
 */
public final class ProjectArgs extends ResourceArgs {

    private String stack;
    private ProjectSpec spec;
    private PlatformSpec platform;
    private List<ProjectSpec> allProjects = List.of();
    private Provider provider;
    private EgressContext egress = EgressContext.closed();
    private List<String> publicSubnetCidrs = List.of();
    private Layer layer = Layer.ALL;

    private ProjectArgs() {
    }

    public String stack() {
        return stack;
    }

    public ProjectSpec spec() {
        return spec;
    }

    public PlatformSpec platform() {
        return platform;
    }

    public List<ProjectSpec> allProjects() {
        return allProjects;
    }

    public Provider provider() {
        return provider;
    }

    /** What the project's egress policies need beyond its own rules; closed unless set. */
    public EgressContext egress() {
        return egress;
    }

    /** CIDRs of the public (ALB) subnets, whose addresses may reach the gateway's public listener. */
    public List<String> publicSubnetCidrs() {
        return publicSubnetCidrs;
    }

    /**
     * Which part of the project this stack creates: all of it ({@link Layer#ALL}), the namespaces sealed with the
     * perimeter and developer access ({@link Layer#PLATFORM}, the platform stack with the operator), or only the
     * project's own objects in namespaces the platform created ({@link Layer#PROJECT}).
     */
    public Layer layer() {
        return layer;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProjectArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final ProjectArgs args = new ProjectArgs();

        public Builder stack(String stack) {
            args.stack = stack;
            return this;
        }

        public Builder spec(ProjectSpec spec) {
            args.spec = spec;
            return this;
        }

        public Builder platform(PlatformSpec platform) {
            args.platform = platform;
            return this;
        }

        public Builder allProjects(List<ProjectSpec> allProjects) {
            args.allProjects = List.copyOf(allProjects);
            return this;
        }

        public Builder provider(Provider provider) {
            args.provider = provider;
            return this;
        }

        public Builder egress(EgressContext egress) {
            args.egress = Objects.requireNonNull(egress, "egress");
            return this;
        }

        public Builder publicSubnetCidrs(List<String> publicSubnetCidrs) {
            args.publicSubnetCidrs = List.copyOf(publicSubnetCidrs);
            return this;
        }

        /** The part of the project this stack creates; see {@link ProjectArgs#layer()}. */
        public Builder layer(Layer layer) {
            args.layer = Objects.requireNonNull(layer, "layer");
            return this;
        }

        public ProjectArgs build() {
            Objects.requireNonNull(args.stack, "ProjectArgs: stack is required");
            Objects.requireNonNull(args.spec, "ProjectArgs: spec is required");
            Objects.requireNonNull(args.platform, "ProjectArgs: platform is required");
            Objects.requireNonNull(args.provider, "ProjectArgs: provider is required");
            return args;
        }
    }
}
