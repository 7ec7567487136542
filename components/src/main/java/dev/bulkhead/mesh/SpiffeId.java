package dev.bulkhead.mesh;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A workload identity as Istio issues it: {@code spiffe://<trustDomain>/ns/<namespace>/sa/<serviceAccount>}.
 * AuthorizationPolicy principals are the same without the scheme.
 */
public record SpiffeId(String trustDomain, String namespace, String serviceAccount) {

    private static final Pattern TRUST_DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

    /** Stands for any service account in a principal; Istio matches it as a suffix wildcard. */
    public static final String ANY_SERVICE_ACCOUNT = "*";

    public SpiffeId {
        Objects.requireNonNull(trustDomain, "trustDomain");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        if (!TRUST_DOMAIN.matcher(trustDomain).matches()) {
            throw new IllegalArgumentException("not a trust domain: '" + trustDomain + "'");
        }
        if (!NAME.matcher(namespace).matches()) {
            throw new IllegalArgumentException("not a namespace name: '" + namespace + "'");
        }
        if (!serviceAccount.equals(ANY_SERVICE_ACCOUNT) && !NAME.matcher(serviceAccount).matches()) {
            throw new IllegalArgumentException("not a service account name: '" + serviceAccount + "'");
        }
    }

    /** Every service account of {@code namespace}: {@code <trustDomain>/ns/<namespace>/sa/*} as a principal. */
    public static SpiffeId anyIn(String trustDomain, String namespace) {
        return new SpiffeId(trustDomain, namespace, ANY_SERVICE_ACCOUNT);
    }

    /** The form AuthorizationPolicy {@code source.principals} match: {@code <trustDomain>/ns/<ns>/sa/<sa>}. */
    public String principal() {
        return trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
    }

    /** The URI in the workload's certificate; undefined for a wildcard. */
    public String uri() {
        if (serviceAccount.equals(ANY_SERVICE_ACCOUNT)) {
            throw new IllegalStateException("a wildcard identity has no certificate URI: " + principal());
        }
        return "spiffe://" + principal();
    }

    @Override
    public String toString() {
        return principal();
    }
}
