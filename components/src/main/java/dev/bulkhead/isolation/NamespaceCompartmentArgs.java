package dev.bulkhead.isolation;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ResourceArgs;
import dev.bulkhead.model.Layer;

import java.util.Objects;

/**
 * Inputs of {@link NamespaceCompartment}: the plan of the namespace, the cluster's provider, and which layer's part
 * of the plan this stack creates (all of it by default).
 */
public final class NamespaceCompartmentArgs extends ResourceArgs {

    private CompartmentPlan plan;
    private Provider provider;
    private Layer layer = Layer.ALL;

    private NamespaceCompartmentArgs() {
    }

    public CompartmentPlan plan() {
        return plan;
    }

    public Provider provider() {
        return provider;
    }

    /**
     * {@link Layer#ALL}: the whole plan. {@link Layer#PLATFORM}: the namespace, the guards and the platform's
     * contents. {@link Layer#PROJECT}: the project's own contents in the namespace the platform created.
     */
    public Layer layer() {
        return layer;
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

        public Builder layer(Layer layer) {
            args.layer = Objects.requireNonNull(layer, "layer");
            return this;
        }

        public NamespaceCompartmentArgs build() {
            Objects.requireNonNull(args.plan, "NamespaceCompartmentArgs: plan is required");
            Objects.requireNonNull(args.provider, "NamespaceCompartmentArgs: provider is required");
            return args;
        }
    }
}
