package dev.bulkhead.platform;

import java.util.Map;

/**
 * Helm values of Kyverno. The admission controller runs three replicas (it is in every admission's path and its
 * webhook fails closed); PolicyExceptions are switched off, so the only way around a platform policy is a change
 * to this program, not an object someone creates in the cluster.
 */
public final class KyvernoValues {

    private KyvernoValues() {
    }

    public static Map<String, Object> of() {
        return Map.of(
                "admissionController", Map.of("replicas", 3),
                "backgroundController", Map.of("replicas", 2),
                "cleanupController", Map.of("replicas", 2),
                "reportsController", Map.of("replicas", 2),
                "features", Map.of("policyExceptions", Map.of("enabled", false)));
    }
}
