package dev.bulkhead.platform;

import java.util.Map;

/**
 * Helm values of Kyverno. The admission controller runs three replicas (it is in every admission's path and its
 * webhook fails closed); PolicyExceptions are switched off, so the only way around a platform policy is a change
 * to this program, not an object someone creates in the cluster. Kyverno's default registry credential helpers
 * include Amazon's, so with a pod identity allowed to pull from ECR it can read the signatures of ECR images.
 */
public final class KyvernoValues {

    /** The admission controller's service account, named explicitly so its pod identity cannot drift. */
    public static final String ADMISSION_SERVICE_ACCOUNT = "kyverno-admission-controller";

    private KyvernoValues() {
    }

    public static Map<String, Object> of() {
        return Map.of(
                "admissionController", Map.of("replicas", 3,
                        "rbac", Map.of("serviceAccount", Map.of("name", ADMISSION_SERVICE_ACCOUNT))),
                "backgroundController", Map.of("replicas", 2),
                "cleanupController", Map.of("replicas", 2),
                "reportsController", Map.of("replicas", 2),
                "features", Map.of("policyExceptions", Map.of("enabled", false)));
    }
}
