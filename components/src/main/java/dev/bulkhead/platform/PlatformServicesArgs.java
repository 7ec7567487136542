package dev.bulkhead.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.platform.guards.GuardContext;

import java.util.Objects;

/**
 * Inputs of {@link PlatformServices}: the platform spec, the cluster's provider, what the load balancer
 * controller needs to know about the cluster (its name, for the pod identity association and the controller's
 * values, and its VPC), the address ranges the platform's NetworkPolicies name, and who the admission guards
 * treat as the platform.
 */
public final class PlatformServicesArgs extends ResourceArgs {

    private String stack;
    private String region;
    private PlatformSpec spec;
    private Provider provider;
    private Output<String> clusterName;
    private Output<String> vpcId;
    private String vpcCidr;
    private String serviceCidr;
    private GuardContext guards;

    private PlatformServicesArgs() {
    }

    public String stack() {
        return stack;
    }

    public String region() {
        return region;
    }

    public PlatformSpec spec() {
        return spec;
    }

    public Provider provider() {
        return provider;
    }

    /** The EKS cluster's name, as the cluster's output so dependants wait for the cluster. */
    public Output<String> clusterName() {
        return clusterName;
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    /** The VPC's range: nodes, the API server's interfaces and the VPC endpoints are in it. */
    public String vpcCidr() {
        return vpcCidr;
    }

    /** The cluster's Service range; its first address is the {@code kubernetes} Service. */
    public String serviceCidr() {
        return serviceCidr;
    }

    /** The operator's workspaces and the platform's namespaces, as the admission guards name them. */
    public GuardContext guards() {
        return guards;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PlatformServicesArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final PlatformServicesArgs args = new PlatformServicesArgs();

        public Builder stack(String stack) {
            args.stack = stack;
            return this;
        }

        public Builder region(String region) {
            args.region = region;
            return this;
        }

        public Builder spec(PlatformSpec spec) {
            args.spec = spec;
            return this;
        }

        public Builder provider(Provider provider) {
            args.provider = provider;
            return this;
        }

        public Builder clusterName(Output<String> clusterName) {
            args.clusterName = clusterName;
            return this;
        }

        public Builder vpcId(Output<String> vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        public Builder vpcCidr(String vpcCidr) {
            args.vpcCidr = vpcCidr;
            return this;
        }

        public Builder serviceCidr(String serviceCidr) {
            args.serviceCidr = serviceCidr;
            return this;
        }

        public Builder guards(GuardContext guards) {
            args.guards = guards;
            return this;
        }

        public PlatformServicesArgs build() {
            Objects.requireNonNull(args.stack, "PlatformServicesArgs: stack is required");
            Objects.requireNonNull(args.region, "PlatformServicesArgs: region is required");
            Objects.requireNonNull(args.spec, "PlatformServicesArgs: spec is required");
            Objects.requireNonNull(args.provider, "PlatformServicesArgs: provider is required");
            Objects.requireNonNull(args.clusterName, "PlatformServicesArgs: clusterName is required");
            Objects.requireNonNull(args.vpcId, "PlatformServicesArgs: vpcId is required");
            Objects.requireNonNull(args.vpcCidr, "PlatformServicesArgs: vpcCidr is required");
            Objects.requireNonNull(args.serviceCidr, "PlatformServicesArgs: serviceCidr is required");
            Objects.requireNonNull(args.guards, "PlatformServicesArgs: guards is required");
            return args;
        }
    }
}
