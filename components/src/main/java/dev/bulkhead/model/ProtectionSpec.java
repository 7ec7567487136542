package dev.bulkhead.model;

import java.util.List;

/**
 * Whether the stack's stateful resources are protected from deletion, and which projects are being retired.
 * Protected resources (the VPC, the cluster, its node groups, KMS keys, log groups, buckets, and every project
 * namespace) make {@code pulumi up} and {@code pulumi destroy} stop instead of deleting them. A project listed in
 * {@code retiredProjects} is still managed but no longer protected, which is the first of the two steps that delete
 * a project: it is removed from the config in the second.
 *
 * <p>Where projects run their own stacks (the platform layer with the operator), a project's namespaces hold what its
 * team's stack deployed, which the platform's config does not show: they, and the project's Stack object, are
 * protected whatever {@code enabled} says, so that deleting a project is always the two steps.
 *
 * @param enabled         {@code bulkhead:protect}: on by default in production, off in development
 * @param retiredProjects {@code bulkhead:retiredProjects}: configured projects whose namespaces may be deleted
 * @param projectStacks   whether the projects run their own stacks, whose workloads live in their namespaces
 */
public record ProtectionSpec(boolean enabled, List<String> retiredProjects, boolean projectStacks) {

    public ProtectionSpec {
        retiredProjects = List.copyOf(retiredProjects);
    }

    /** Protection of a stack that manages its projects itself. */
    public ProtectionSpec(boolean enabled, List<String> retiredProjects) {
        this(enabled, retiredProjects, false);
    }

    /** The default of an environment: protected in production only. */
    public static ProtectionSpec defaultFor(boolean production) {
        return new ProtectionSpec(production, List.of());
    }

    /** True when {@code project}'s stateful resources (its load balancer and log bucket) are protected. */
    public boolean protects(String project) {
        return enabled && !retiredProjects.contains(project);
    }

    /**
     * True when {@code project}'s namespaces (and, with the operator, its Stack) are protected: with protection on,
     * or whenever its team's stack runs in them, until the project is retired.
     */
    public boolean protectsNamespaces(String project) {
        return (enabled || projectStacks) && !retiredProjects.contains(project);
    }
}
