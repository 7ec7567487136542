package dev.bulkhead.model;

/**
 * How many pods an app runs: {@code min} always, up to {@code max} when load asks for more (a
 * HorizontalPodAutoscaler exists exactly when {@code min < max}).
 */
public record ReplicasSpec(int min, int max) {

    /** Two pods, never more: survives the loss of a node or a zone without an autoscaler. */
    public static final ReplicasSpec DEFAULT = new ReplicasSpec(2, 2);
    /** The most pods one app may ask for; the namespace quota usually binds long before. */
    public static final int MAX = 100;

    public ReplicasSpec {
        if (min < 1 || max > MAX || max < min) {
            throw new IllegalArgumentException("replicas must satisfy 1 <= min <= max <= " + MAX + ", got min "
                    + min + ", max " + max);
        }
    }

    /** Whether an autoscaler moves the count between {@code min} and {@code max}. */
    public boolean autoscaled() {
        return min < max;
    }

    /** Whether the app can run more than one pod, and so gets a PodDisruptionBudget. */
    public boolean replicated() {
        return max > 1;
    }
}
