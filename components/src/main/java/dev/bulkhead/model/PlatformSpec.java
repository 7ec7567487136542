package dev.bulkhead.model;

import java.util.List;

/**
 * Cluster-wide services shared by every project.
 *
 * @param trustDomain          the Istio trust domain; SPIFFE identities are {@code spiffe://<trustDomain>/ns/<ns>/sa/<sa>}
 * @param monitoringNamespace  the namespace whose Prometheus may scrape project pods
 * @param allowedRegistries    image registries Kyverno admits in project namespaces
 */
public record PlatformSpec(String trustDomain, String monitoringNamespace, List<String> allowedRegistries) {

    public PlatformSpec {
        allowedRegistries = List.copyOf(allowedRegistries);
    }
}
