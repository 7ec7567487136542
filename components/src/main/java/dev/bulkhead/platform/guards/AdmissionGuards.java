package dev.bulkhead.platform.guards;

import java.util.List;

/**
 * Every guard of the perimeter, in a fixed order. They close what RBAC cannot: RBAC says which verbs an identity
 * has on a kind, not what the object may contain or which objects of the kind it may touch; and they are a second
 * lock on what RBAC already closes, should a binding ever grant too much. They need Kubernetes 1.30 or later
 * ({@code admissionregistration.k8s.io/v1}), which the cluster component requires.
 */
public final class AdmissionGuards {

    private AdmissionGuards() {
    }

    public static List<AdmissionGuard> all(GuardContext context) {
        return List.of(
                PerimeterObjectsGuard.of(context),
                ProjectNamespacesGuard.of(context),
                ExternalIpsGuard.of(context),
                TenantPodsGuard.of(context),
                TokenSecretsGuard.of(context),
                ServiceAccountsGuard.of(context));
    }
}
