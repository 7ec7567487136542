package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;

import java.util.List;
import java.util.Map;


/**
 * Project pods get no Kubernetes API token: {@code automountServiceAccountToken} must be false on the pod. Their
 * mesh identity comes from ztunnel, not from a mounted token, and the API server is not theirs to call.
 */
public final class NoServiceAccountToken {

    public static final String NAME = "bulkhead-no-service-account-token";

    private NoServiceAccountToken() {
    }

    public static Manifest of(AdmissionContext context) {
        return Kyverno.clusterPolicy(NAME, List.of(Kyverno.tenantPodPattern("no-token-automount",
                "pods in project namespaces must set automountServiceAccountToken: false",
                Map.of("spec", Map.of("automountServiceAccountToken", false)))));
    }
}
