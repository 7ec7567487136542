package dev.bulkhead.operator;

import dev.bulkhead.naming.Labels;

import java.util.List;
import java.util.Map;

/**
 * The operator's Helm chart, pinned, and the values that harden it. Chart facts (OCI location, value names, the
 * manager's user 65532, its selector labels) are from the chart's own {@code values.yaml} and templates in
 * pulumi/pulumi-kubernetes-operator, {@code deploy/helm/pulumi-operator}.
 */
public final class OperatorChart {

    /** The chart is published only as an OCI artifact. */
    public static final String CHART = "oci://ghcr.io/pulumi/helm-charts/pulumi-kubernetes-operator";
    public static final String VERSION = "2.9.2";
    public static final String RELEASE_NAME = "pulumi-kubernetes-operator";
    public static final String NAMESPACE = "pulumi-kubernetes-operator";
    /** The chart names its pods after itself; with release name equal to the chart name these select the manager. */
    public static final Map<String, String> MANAGER_POD_LABELS = Map.of(
            "app.kubernetes.io/name", "pulumi-kubernetes-operator",
            "app.kubernetes.io/instance", RELEASE_NAME);
    /** The chart's manager runs as this user and group. */
    public static final int MANAGER_USER = 65532;

    private OperatorChart() {
    }

    /**
     * Hardened values: non-root with the RuntimeDefault seccomp profile, no privilege escalation, every capability
     * dropped, a read-only root filesystem (with an emptyDir for {@code /tmp}), bounded resources, and no
     * aggregation into the built-in {@code edit} and {@code view} roles: with it, a project developer holding
     * {@code edit} in a project namespace could create a Stack there and run a program as that namespace's accounts.
     */
    public static Map<String, Object> values() {
        return Map.of(
                "rbac", Map.of("create", true, "createClusterRole", true,
                        "createClusterAggregationRoles", false),
                "serviceMonitor", Map.of("enabled", false),
                "podLabels", Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE,
                        Labels.COMPONENT, PulumiOperator.COMPONENT),
                "podSecurityContext", Map.of(
                        "runAsNonRoot", true, "runAsUser", MANAGER_USER, "runAsGroup", MANAGER_USER,
                        "seccompProfile", Map.of("type", "RuntimeDefault")),
                "securityContext", Map.of(
                        "allowPrivilegeEscalation", false,
                        "readOnlyRootFilesystem", true,
                        "capabilities", Map.of("drop", List.of("ALL"))),
                "resources", Map.of(
                        "requests", Map.of("cpu", "200m", "memory", "256Mi"),
                        "limits", Map.of("cpu", "1", "memory", "512Mi")),
                "extraVolumes", List.of(Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "256Mi"))),
                "extraVolumeMounts", List.of(Map.of("name", "tmp", "mountPath", "/tmp")));
    }
}
