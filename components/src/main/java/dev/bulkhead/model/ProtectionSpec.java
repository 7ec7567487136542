package dev.bulkhead.model;

import java.util.List;

/**
 * Whether the stack's stateful resources are protected from deletion, and which projects are being retired.
 * Protected resources (the VPC, the cluster, its node groups, KMS keys, log groups, buckets, and every project
 * namespace) make {@code pulumi up} and {@code pulumi destroy} stop instead of deleting them. A project listed in
 * {@code retiredProjects} is still managed but no longer protected, which is the first of the two steps that delete
 * a project: it is removed from the config in the second.
 *
 * @param enabled         {@code bulkhead:protect}: on by default in production, off in development
 * @param retiredProjects {@code bulkhead:retiredProjects}: configured projects whose namespaces may be deleted
 */
public record ProtectionSpec(boolean enabled, List<String> retiredProjects) {

    public ProtectionSpec {
        retiredProjects = List.copyOf(retiredProjects);
    }

    /** The default of an environment: protected in production only. */
    public static ProtectionSpec defaultFor(boolean production) {
        return new ProtectionSpec(production, List.of());
    }

    /** True when {@code project}'s namespaces are protected. */
    public boolean protects(String project) {
        return enabled && !retiredProjects.contains(project);
    }
}
