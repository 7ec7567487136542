/**
 * Applications of a project: {@link dev.bulkhead.workload.App} (its own token-less ServiceAccount, a hardened
 * Deployment, a Service whose port is the container port, a PodDisruptionBudget and an autoscaler where they apply,
 * and the policies of its trust), {@link dev.bulkhead.workload.Waypoint} (the L7 proxy of a namespace whose apps have
 * L7 rules), {@link dev.bulkhead.workload.AppIdentity} (the app's IAM role through EKS Pod Identity, kept apart
 * because project stacks run without AWS credentials) and {@link dev.bulkhead.workload.ProjectApps}, which creates
 * all of them for a project. The policy generators are pure: they return
 * {@link dev.bulkhead.manifest.Manifest}s and create nothing.
 */
package dev.bulkhead.workload;
