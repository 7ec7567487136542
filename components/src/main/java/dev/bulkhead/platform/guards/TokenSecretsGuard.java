package dev.bulkhead.platform.guards;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.platform.guards.AdmissionGuard.WRITES;

/**
 * No Secret of type {@code kubernetes.io/service-account-token} in a project namespace: the token controller
 * fills such a Secret with a long-lived API token of the ServiceAccount it names, which would give back the token
 * that {@code automountServiceAccountToken: false} keeps out of every pod. Nobody is exempt: nothing of the platform
 * needs one.
 */
public final class TokenSecretsGuard {

    public static final String NAME = "bulkhead-no-token-secrets";
    public static final String TOKEN_TYPE = "kubernetes.io/service-account-token";

    private TokenSecretsGuard() {
    }

    public static AdmissionGuard of(GuardContext context) {
        return AdmissionGuard.of(NAME,
                AdmissionGuard.match(List.of(AdmissionGuard.rule("", List.of("secrets"), WRITES)),
                        AdmissionGuard.projectNamespaces()),
                Map.of(), Map.of(),
                Map.of("!has(object.type) || object.type != " + Cel.str(TOKEN_TYPE),
                        "Secrets of type " + TOKEN_TYPE + " are not allowed in project namespaces"));
    }
}
