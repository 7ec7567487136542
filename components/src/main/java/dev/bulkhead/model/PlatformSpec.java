package dev.bulkhead.model;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * Cluster-wide services shared by every project.
 *
 * @param trustDomain          the Istio trust domain; SPIFFE identities are {@code spiffe://<trustDomain>/ns/<ns>/sa/<sa>}
 * @param monitoringNamespace  the namespace whose Prometheus may scrape project pods
 * @param allowedRegistries    image registries Kyverno admits in project namespaces; empty means the account's own
 *                             ECR registry in the stack's region
 * @param imageSignatureKey    a cosign public key (PEM) project images must be signed with, or null for none
 * @param allowImageTags       whether apps may name images by tag; otherwise only by digest
 */
public record PlatformSpec(String trustDomain, String monitoringNamespace, List<String> allowedRegistries,
                           @Nullable String imageSignatureKey, boolean allowImageTags) {

    public PlatformSpec {
        allowedRegistries = List.copyOf(allowedRegistries);
    }

    /** Apps pinned by digest only. */
    public PlatformSpec(String trustDomain, String monitoringNamespace, List<String> allowedRegistries,
                        @Nullable String imageSignatureKey) {
        this(trustDomain, monitoringNamespace, allowedRegistries, imageSignatureKey, false);
    }

    /** Without image signature verification. */
    public PlatformSpec(String trustDomain, String monitoringNamespace, List<String> allowedRegistries) {
        this(trustDomain, monitoringNamespace, allowedRegistries, null);
    }

    public Optional<String> signatureKey() {
        return Optional.ofNullable(imageSignatureKey);
    }
}
