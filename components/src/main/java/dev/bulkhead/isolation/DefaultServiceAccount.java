package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;

import java.util.Map;

/**
 * A patch of the {@code default} ServiceAccount that Kubernetes creates in every namespace, turning off the
 * automatic mount of its API token: project pods run without Kubernetes API credentials. A patch rather than a
 * new object, so the account pods actually get is the one changed.
 */
public final class DefaultServiceAccount {

    public static final String NAME = "default";

    private DefaultServiceAccount() {
    }

    public static Manifest of(Compartment compartment) {
        return new Manifest("v1", "ServiceAccount", NAME, compartment.namespace(), compartment.labels(),
                Map.of("automountServiceAccountToken", false), true);
    }
}
