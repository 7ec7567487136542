package dev.bulkhead.platform;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.PlatformSpec;

import java.util.Objects;

/** Inputs of {@link PlatformServices}: the platform spec and the cluster's provider. */
public final class PlatformServicesArgs extends ResourceArgs {

    private String stack;
    private String region;
    private PlatformSpec spec;
    private Provider provider;

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

        public PlatformServicesArgs build() {
            Objects.requireNonNull(args.stack, "PlatformServicesArgs: stack is required");
            Objects.requireNonNull(args.region, "PlatformServicesArgs: region is required");
            Objects.requireNonNull(args.spec, "PlatformServicesArgs: spec is required");
            Objects.requireNonNull(args.provider, "PlatformServicesArgs: provider is required");
            return args;
        }
    }
}
