package dev.bulkhead.isolation;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ResourceArgs;

import java.util.Objects;

/** Inputs of {@link NamespaceCompartment}: the plan of the namespace and the cluster's provider. */
public final class NamespaceCompartmentArgs extends ResourceArgs {

    private CompartmentPlan plan;
    private Provider provider;
    private boolean namespaceExists;

    private NamespaceCompartmentArgs() {
    }

    public CompartmentPlan plan() {
        return plan;
    }

    public Provider provider() {
        return provider;
    }

    /** True when the namespace is created elsewhere (the platform stack) and only read here. */
    public boolean namespaceExists() {
        return namespaceExists;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NamespaceCompartmentArgs}; {@link #build()} names a missing property. */
    public static final class Builder {
        private final NamespaceCompartmentArgs args = new NamespaceCompartmentArgs();

        public Builder plan(CompartmentPlan plan) {
            args.plan = plan;
            return this;
        }

        public Builder provider(Provider provider) {
            args.provider = provider;
            return this;
        }

        /** The namespace exists already (the platform stack made it): read it, do not create or own it. */
        public Builder namespaceExists(boolean namespaceExists) {
            args.namespaceExists = namespaceExists;
            return this;
        }

        public NamespaceCompartmentArgs build() {
            Objects.requireNonNull(args.plan, "NamespaceCompartmentArgs: plan is required");
            Objects.requireNonNull(args.provider, "NamespaceCompartmentArgs: provider is required");
            return args;
        }
    }
}
