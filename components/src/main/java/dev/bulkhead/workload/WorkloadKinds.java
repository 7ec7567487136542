package dev.bulkhead.workload;

import java.util.List;

/**
 * The kinds a project's own stack writes for its apps, and so the only kinds its operator workspace may write, in its
 * project's namespaces: what {@link AppWorkload} creates (ServiceAccounts, Deployments, Services,
 * PodDisruptionBudgets, HorizontalPodAutoscalers) and the ConfigMaps and Secrets an app reads. None of them is a
 * perimeter kind; what they may contain (no external IPs, ClusterIP only, no reserved pod labels, no token, every
 * ServiceAccount token-less) is admission's to decide. {@link #AWAITED} are read only: the Kubernetes provider
 * watches them to tell when a Deployment has rolled out and a Service has endpoints.
 */
public final class WorkloadKinds {

    /**
     * One kind.
     *
     * @param group    API group, {@code ""} for the core group
     * @param resource the plural resource name RBAC rules use
     * @param kind     the kind
     */
    public record Kind(String group, String resource, String kind) {
    }

    /** What a project's stack creates, changes and deletes. */
    public static final List<Kind> WRITTEN = List.of(
            new Kind("", "serviceaccounts", "ServiceAccount"),
            new Kind("apps", "deployments", "Deployment"),
            new Kind("", "services", "Service"),
            new Kind("policy", "poddisruptionbudgets", "PodDisruptionBudget"),
            new Kind("autoscaling", "horizontalpodautoscalers", "HorizontalPodAutoscaler"),
            new Kind("", "configmaps", "ConfigMap"),
            new Kind("", "secrets", "Secret"));

    /** What a project's stack reads while it waits for its objects to become ready. */
    public static final List<Kind> AWAITED = List.of(
            new Kind("", "pods", "Pod"),
            new Kind("apps", "replicasets", "ReplicaSet"),
            new Kind("", "endpoints", "Endpoints"),
            new Kind("discovery.k8s.io", "endpointslices", "EndpointSlice"),
            new Kind("", "events", "Event"),
            new Kind("", "persistentvolumeclaims", "PersistentVolumeClaim"));

    private WorkloadKinds() {
    }
}
