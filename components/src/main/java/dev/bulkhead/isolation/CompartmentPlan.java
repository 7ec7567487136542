package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.AllowNothing;
import dev.bulkhead.mesh.ProjectAuthorization;
import dev.bulkhead.mesh.ProjectIdentities;
import dev.bulkhead.mesh.StrictMtls;
import dev.bulkhead.naming.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every object that seals one namespace, in the order they must exist: the namespace; then the guards, which need
 * only the namespace and close it (NetworkPolicy default deny, STRICT mTLS, the allow-nothing authorization
 * baseline); then everything else, which is created only once the guards exist. The number and names of objects do
 * not depend on how many namespaces or projects there are.
 *
 * <p>Who owns what. The perimeter ({@link PerimeterKinds}), every RBAC object and every object of a namespace that
 * is not a tenant's (the project's gateway namespace) are the platform's: {@link #platformContents()}. What is left
 * in a tenant's namespace is the project's own ({@link #projectContents()}): today the patch of its default
 * ServiceAccount. With the operator, the platform layer creates the namespace, the guards and the platform's
 * contents together, so a namespace is sealed before its project stack first runs, and the project layer adds only
 * its own objects. The default ServiceAccount's patch is in both parts: the platform applies it with the namespace,
 * so no pod ever gets the token, and the project layer applies it again at every run (server-side apply lets both
 * hold the same value), which is the one write its workspace must be allowed.
 */
public record CompartmentPlan(Manifest namespace, List<Manifest> guards, List<Manifest> contents) {

    private static final Set<String> RBAC_KINDS = Set.of("Role", "RoleBinding", "ClusterRole",
            "ClusterRoleBinding");

    public CompartmentPlan {
        Objects.requireNonNull(namespace, "namespace");
        guards = List.copyOf(guards);
        contents = List.copyOf(contents);
    }

    /** The standard compartment of a project namespace. */
    public static CompartmentPlan of(Compartment c) {
        String ns = c.namespace();
        return new CompartmentPlan(
                ProjectNamespace.of(c),
                List.of(
                        DefaultDeny.of(c),
                        StrictMtls.forNamespace(ns, c.labels()),
                        AllowNothing.forNamespace(ns, c.labels())),
                List.of(
                        DefaultServiceAccount.of(c),
                        NamespaceQuota.of(c),
                        ContainerDefaults.of(c),
                        AllowSameProject.of(c),
                        AllowDns.of(c),
                        AllowAmbient.of(c),
                        AllowIstiod.of(c),
                        AllowMonitoring.of(c),
                        ProjectAuthorization.allow(ns, c.labels(),
                                ProjectIdentities.members(c.trustDomain(), c.project(), c.projectNamespaces()),
                                ProjectIdentities.scraper(c.trustDomain(), c.monitoringNamespace()).principal(),
                                c.metricsPorts())));
    }

    /**
     * This plan with more objects placed after the guards, for namespaces with needs of their own (the project's
     * gateway namespace admitting its load balancer, say).
     */
    public CompartmentPlan withContents(List<Manifest> more) {
        List<Manifest> all = new ArrayList<>(contents);
        for (Manifest manifest : more) {
            if (!Objects.equals(manifest.namespace(), namespace.name())) {
                throw new IllegalArgumentException(manifest.id() + " is not in namespace " + namespace.name());
            }
            all.add(manifest);
        }
        return new CompartmentPlan(namespace, guards, all);
    }

    /** The namespace, the guards, then the contents. */
    public List<Manifest> all() {
        List<Manifest> all = new ArrayList<>();
        all.add(namespace);
        all.addAll(guards);
        all.addAll(contents);
        return List.copyOf(all);
    }

    /** Whether the namespace is one where a tenant runs workloads, not one the platform manages for it. */
    public boolean tenantNamespace() {
        return namespace.labels().get(Labels.ROLE) == null;
    }

    /** Whether {@code manifest}, one of this plan's contents, is the platform's to create and change. */
    public boolean platformOwned(Manifest manifest) {
        return !tenantNamespace() || PerimeterKinds.contains(manifest.apiVersion(), manifest.kind())
                || RBAC_KINDS.contains(manifest.kind());
    }

    /** The contents the platform creates, in plan order: what it owns, and the default ServiceAccount's patch. */
    public List<Manifest> platformContents() {
        return contents.stream().filter(m -> platformOwned(m) || defaultServiceAccount(m)).toList();
    }

    private static boolean defaultServiceAccount(Manifest m) {
        return m.patch() && m.kind().equals("ServiceAccount") && m.name().equals(DefaultServiceAccount.NAME);
    }

    /** The contents the project owns, in plan order: what a project layer creates. */
    public List<Manifest> projectContents() {
        return contents.stream().filter(m -> !platformOwned(m)).toList();
    }
}
