package dev.bulkhead.platform.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who "the platform" is when Kubernetes asks who made a request: sessions of the Pulumi admin role (its EKS access
 * entry has no custom username, so EKS names each request after the assumed-role session), the control plane's
 * own controllers (kube-system service accounts, the controller manager, EKS's internal {@code eks:} users), and
 * the service accounts of the platform's controller namespaces (istiod creates each gateway's ServiceAccount).
 * Tenants authenticate as their developer role's sessions and match none of these.
 */
public final class PlatformSubjects {

    private PlatformSubjects() {
    }

    /** The admin role's session usernames, as a Kyverno wildcard. */
    public static String adminSessions(AdmissionContext context) {
        return "arn:" + context.partition() + ":sts::" + context.account() + ":assumed-role/"
                + context.adminRoleName() + "/*";
    }

    /** Kyverno {@code subjects} that identify the platform. */
    public static List<Map<String, Object>> of(AdmissionContext context) {
        List<Map<String, Object>> subjects = new ArrayList<>();
        subjects.add(Map.of("kind", "User", "name", adminSessions(context)));
        subjects.add(Map.of("kind", "User", "name", "system:kube-controller-manager"));
        subjects.add(Map.of("kind", "User", "name", "eks:*"));
        subjects.add(Map.of("kind", "Group", "name", "system:serviceaccounts:kube-system"));
        for (String namespace : context.platformNamespaces()) {
            subjects.add(Map.of("kind", "Group", "name", "system:serviceaccounts:" + namespace));
        }
        return subjects;
    }

    /** A Kyverno {@code exclude} block that lets the platform's own requests through. */
    public static Map<String, Object> exclude(AdmissionContext context) {
        return Map.of("any", List.of(Map.of("subjects", of(context))));
    }
}
