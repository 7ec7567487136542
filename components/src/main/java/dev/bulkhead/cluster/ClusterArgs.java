package dev.bulkhead.cluster;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.ClusterSpec;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link Cluster}: the spec, where it runs (VPC, private subnets), the admin role the in-cluster
 * provider assumes, and optionally the networks (VPN, CI runners) that may reach the private API endpoint.
 */
public final class ClusterArgs extends ResourceArgs {

    private String stack;
    private String region;
    private ClusterSpec spec;
    private Output<String> vpcId;
    private String vpcCidr;
    private Output<List<String>> privateSubnetIds;
    private Output<String> adminRoleArn;
    private List<String> apiClientCidrs = List.of();

    private ClusterArgs() {
    }

    public String stack() {
        return stack;
    }

    public String region() {
        return region;
    }

    public ClusterSpec spec() {
        return spec;
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public String vpcCidr() {
        return vpcCidr;
    }

    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds;
    }

    public Output<String> adminRoleArn() {
        return adminRoleArn;
    }

    /** Networks admitted to the private API endpoint on 443 besides the nodes (and the bastion); empty by default. */
    public List<String> apiClientCidrs() {
        return apiClientCidrs;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ClusterArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final ClusterArgs args = new ClusterArgs();

        public Builder stack(String stack) {
            args.stack = stack;
            return this;
        }

        public Builder region(String region) {
            args.region = region;
            return this;
        }

        public Builder spec(ClusterSpec spec) {
            args.spec = spec;
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

        public Builder privateSubnetIds(Output<List<String>> privateSubnetIds) {
            args.privateSubnetIds = privateSubnetIds;
            return this;
        }

        public Builder adminRoleArn(Output<String> adminRoleArn) {
            args.adminRoleArn = adminRoleArn;
            return this;
        }

        /** Networks inside or connected to the VPC (a VPN's clients, a CI runner) that may reach the private endpoint. */
        public Builder apiClientCidrs(List<String> apiClientCidrs) {
            args.apiClientCidrs = List.copyOf(apiClientCidrs);
            return this;
        }

        public ClusterArgs build() {
            Objects.requireNonNull(args.stack, "ClusterArgs: stack is required");
            Objects.requireNonNull(args.region, "ClusterArgs: region is required");
            Objects.requireNonNull(args.spec, "ClusterArgs: spec is required");
            Objects.requireNonNull(args.vpcId, "ClusterArgs: vpcId is required");
            Objects.requireNonNull(args.vpcCidr, "ClusterArgs: vpcCidr is required");
            Objects.requireNonNull(args.privateSubnetIds, "ClusterArgs: privateSubnetIds is required");
            Objects.requireNonNull(args.adminRoleArn, "ClusterArgs: adminRoleArn is required");
            return args;
        }
    }
}
