package dev.bulkhead.check;

/**
 * One violation of one rule.
 *
 * @param resource the resource at fault: its Kubernetes {@code namespace/name} or Pulumi logical name, with its type
 * @param message  what is wrong, in this render's terms
 */
public record Finding(String ruleId, Severity severity, String resource, String message, String fix) {
}
