package dev.bulkhead.model;

/**
 * Per-namespace ResourceQuota totals and LimitRange container defaults, as Kubernetes quantities.
 */
public record QuotaSpec(
        String requestsCpu,
        String requestsMemory,
        String limitsCpu,
        String limitsMemory,
        int pods,
        int services,
        String defaultRequestCpu,
        String defaultRequestMemory,
        String defaultLimitCpu,
        String defaultLimitMemory) {

    /** Defaults sized for a small team namespace. */
    public static QuotaSpec defaults() {
        return new QuotaSpec("4", "8Gi", "8", "16Gi", 50, 20, "100m", "128Mi", "500m", "512Mi");
    }
}
