/**
 * A project's ways in: its own Istio gateway (Gateway API, class {@code istio}) in the sealed namespace
 * {@code <project>-gateway}, the routes and exports it serves, the policies that hold it to exactly those, and the
 * internet-facing ALB in front of it. Kubernetes objects are pure generators ({@link dev.bulkhead.ingress.IngressPlans});
 * AWS resources are {@link dev.bulkhead.ingress.Ingress}.
 */
package dev.bulkhead.ingress;
