package dev.bulkhead.network;

import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.NetworkSpec;

import java.util.Objects;

/** Inputs of {@link Network}: the stack (for names and tags), the cluster name (for subnet tags) and the spec. */
public final class NetworkArgs extends ResourceArgs {

    private String stack;
    private String clusterName;
    private NetworkSpec spec;

    private NetworkArgs() {
    }

    public String stack() {
        return stack;
    }

    public String clusterName() {
        return clusterName;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NetworkArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final NetworkArgs args = new NetworkArgs();

        public Builder stack(String stack) {
            args.stack = stack;
            return this;
        }

        public Builder clusterName(String clusterName) {
            args.clusterName = clusterName;
            return this;
        }

        public Builder spec(NetworkSpec spec) {
            args.spec = spec;
            return this;
        }

        public NetworkArgs build() {
            Objects.requireNonNull(args.stack, "NetworkArgs: stack is required");
            Objects.requireNonNull(args.clusterName, "NetworkArgs: clusterName is required");
            Objects.requireNonNull(args.spec, "NetworkArgs: spec is required");
            return args;
        }
    }
}
