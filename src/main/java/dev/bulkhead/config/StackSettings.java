package dev.bulkhead.config;

import dev.bulkhead.model.AccessSpec;
import dev.bulkhead.model.ClusterSpec;
import dev.bulkhead.model.LayerSelection;
import dev.bulkhead.model.NetworkSpec;
import dev.bulkhead.model.OperatorSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.ProtectionSpec;
import dev.bulkhead.model.SharedEgressSpec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one stack's configuration says, validated. Built by {@link SettingsParser} from either the Pulumi
 * engine's config or a {@code Pulumi.<stack>.yaml} file, so {@code pulumi up} and {@code render} see the same thing.
 *
 * @param stack      the stack name ({@code dev}, {@code prod}, ...)
 * @param region     {@code aws:region}
 * @param sharedEgress {@code bulkhead:egress}: hosts and AWS services every project may reach
 * @param production {@code bulkhead:environment: production}: deletion protection and stricter defaults
 * @param layer      {@code bulkhead:layer} and {@code bulkhead:project}: the part of the graph this stack manages
 * @param operator   {@code bulkhead:operator}: the Pulumi Kubernetes Operator and the project stacks it runs
 * @param protection {@code bulkhead:protect} and {@code bulkhead:retiredProjects}: what may not be deleted
 */
public record StackSettings(
        String stack,
        String region,
        boolean production,
        NetworkSpec network,
        ClusterSpec cluster,
        AccessSpec access,
        List<ProjectSpec> projects,
        PlatformSpec platform,
        SharedEgressSpec sharedEgress,
        LayerSelection layer,
        OperatorSpec operator,
        ProtectionSpec protection) {

    public StackSettings {
        projects = List.copyOf(projects);
        Objects.requireNonNull(sharedEgress, "sharedEgress");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(protection, "protection");
    }

    /** Everything in one stack, without the operator or shared egress: the settings of a stack that sets none. */
    public StackSettings(String stack, String region, boolean production, NetworkSpec network, ClusterSpec cluster,
                         AccessSpec access, List<ProjectSpec> projects, PlatformSpec platform) {
        this(stack, region, production, network, cluster, access, projects, platform, SharedEgressSpec.none(),
                LayerSelection.all(), OperatorSpec.disabled(), ProtectionSpec.defaultFor(production));
    }

    public Optional<ProjectSpec> project(String name) {
        return projects.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
