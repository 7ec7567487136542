package dev.bulkhead.ingress;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.ProjectSpec;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link Ingress}: the project (which must have {@code ingress}), where its ALB goes (VPC, public subnets)
 * and where the gateway pods are (the private subnets' CIDRs, which the ALB may send to), whether the project is
 * protected (the ALB's deletion protection on, its access logs never force-destroyed), the cluster's provider, and
 * the gateway namespace's guards, which every object placed in that namespace waits for.
 */
public final class IngressArgs extends ResourceArgs {

    private String stack;
    private boolean protect;
    private ProjectSpec project;
    private Output<String> vpcId;
    private Output<List<String>> publicSubnetIds;
    private List<String> privateSubnetCidrs;
    private Provider provider;
    private List<Resource> gatewayGuards = List.of();

    private IngressArgs() {
    }

    public String stack() {
        return stack;
    }

    public boolean protect() {
        return protect;
    }

    public ProjectSpec project() {
        return project;
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<List<String>> publicSubnetIds() {
        return publicSubnetIds;
    }

    public List<String> privateSubnetCidrs() {
        return privateSubnetCidrs;
    }

    public Provider provider() {
        return provider;
    }

    public List<Resource> gatewayGuards() {
        return gatewayGuards;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link IngressArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final IngressArgs args = new IngressArgs();

        public Builder stack(String stack) {
            args.stack = stack;
            return this;
        }

        public Builder protect(boolean protect) {
            args.protect = protect;
            return this;
        }

        public Builder project(ProjectSpec project) {
            args.project = project;
            return this;
        }

        public Builder vpcId(Output<String> vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        public Builder publicSubnetIds(Output<List<String>> publicSubnetIds) {
            args.publicSubnetIds = publicSubnetIds;
            return this;
        }

        public Builder privateSubnetCidrs(List<String> privateSubnetCidrs) {
            args.privateSubnetCidrs = List.copyOf(privateSubnetCidrs);
            return this;
        }

        public Builder provider(Provider provider) {
            args.provider = provider;
            return this;
        }

        public Builder gatewayGuards(List<? extends Resource> gatewayGuards) {
            args.gatewayGuards = List.copyOf(gatewayGuards);
            return this;
        }

        public IngressArgs build() {
            Objects.requireNonNull(args.stack, "IngressArgs: stack is required");
            Objects.requireNonNull(args.project, "IngressArgs: project is required");
            Objects.requireNonNull(args.vpcId, "IngressArgs: vpcId is required");
            Objects.requireNonNull(args.publicSubnetIds, "IngressArgs: publicSubnetIds is required");
            Objects.requireNonNull(args.privateSubnetCidrs, "IngressArgs: privateSubnetCidrs is required");
            Objects.requireNonNull(args.provider, "IngressArgs: provider is required");
            if (args.project.ingress().isEmpty()) {
                throw new IllegalArgumentException("IngressArgs: project " + args.project.name() + " has no ingress");
            }
            if (args.privateSubnetCidrs.isEmpty()) {
                throw new IllegalArgumentException("IngressArgs: privateSubnetCidrs must name where the gateway pods are");
            }
            return args;
        }
    }
}
