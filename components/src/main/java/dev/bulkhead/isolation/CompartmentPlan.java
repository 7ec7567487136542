package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.AllowNothing;
import dev.bulkhead.mesh.ProjectAuthorization;
import dev.bulkhead.mesh.ProjectIdentities;
import dev.bulkhead.mesh.StrictMtls;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every object that seals one namespace, in the order they must exist: the namespace; then the guards, which need
 * only the namespace and close it (NetworkPolicy default deny, STRICT mTLS, the allow-nothing authorization
 * baseline); then everything else, which is created only once the guards exist. The number and names of objects do
 * not depend on how many namespaces or projects there are.
 */
public record CompartmentPlan(Manifest namespace, List<Manifest> guards, List<Manifest> contents) {

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
}
