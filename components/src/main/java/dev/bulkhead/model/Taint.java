package dev.bulkhead.model;

/** A Kubernetes node taint applied by a managed node group; effect is NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE. */
public record Taint(String key, String value, String effect) {
}
