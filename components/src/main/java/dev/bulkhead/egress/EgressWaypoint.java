package dev.bulkhead.egress;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.bulkhead.isolation.NamespaceCompartment;
import dev.bulkhead.isolation.NamespaceCompartmentArgs;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * The egress waypoint in the cluster: its sealed namespace with the waypoint, the ServiceEntries bound to it and
 * their per-project authorization, created from an {@link EgressWaypointPlan} so that the namespace is closed before
 * anything in it exists.
 */
public final class EgressWaypoint extends ComponentResource {

    public static final String TYPE = "bulkhead:egress:EgressWaypoint";

    private final NamespaceCompartment compartment;

    public EgressWaypoint(String name, EgressWaypointPlan.Inputs inputs, Provider provider,
                          @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.compartment = new NamespaceCompartment(name, NamespaceCompartmentArgs.builder()
                .plan(EgressWaypointPlan.of(inputs))
                .provider(provider)
                .build(), ComponentResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("namespace", Output.of(EgressWaypointPlan.NAMESPACE),
                "hosts", Output.of(inputs.hosts().stream().map(h -> h.host() + ":" + h.port()).toList())));
    }

    public NamespaceCompartment compartment() {
        return compartment;
    }
}
