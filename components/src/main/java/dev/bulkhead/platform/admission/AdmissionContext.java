package dev.bulkhead.platform.admission;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the admission policies are generated from. Some of it is known only at deploy time (the account, hence the
 * default registry and the admin role's session ARNs), so the component builds this inside an {@code apply}.
 *
 * @param partition          the AWS partition, e.g. {@code aws}
 * @param account            the stack's AWS account
 * @param region             the stack's region
 * @param adminRoleName      the IAM role Pulumi acts as in the cluster: its sessions are "the platform"
 * @param registries         allowed image registries ({@code host[:port][/path]}); never empty
 * @param signatureKey       a cosign public key (PEM) every project image must be signed with, or null
 * @param platformNamespaces namespaces whose service accounts are platform controllers (istiod, Kyverno, ...)
 */
public record AdmissionContext(String partition, String account, String region, String adminRoleName,
                               List<String> registries, @Nullable String signatureKey,
                               List<String> platformNamespaces) {

    public AdmissionContext {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(adminRoleName, "adminRoleName");
        registries = List.copyOf(registries);
        platformNamespaces = List.copyOf(platformNamespaces);
        if (registries.isEmpty()) {
            throw new IllegalArgumentException("admission: at least one allowed registry is required");
        }
    }

    /** The account's own ECR registry in the stack's region: the default when config names none. */
    public static String ecrRegistry(String account, String region) {
        return account + ".dkr.ecr." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "");
    }

    public Optional<String> signature() {
        return Optional.ofNullable(signatureKey);
    }
}
