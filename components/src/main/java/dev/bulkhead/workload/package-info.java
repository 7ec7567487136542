/**
 * Applications of a project. {@link dev.bulkhead.workload.App} is an app whole, in one stack: its own token-less
 * ServiceAccount, a hardened Deployment, a Service whose port is the container port, a PodDisruptionBudget and an
 * autoscaler where they apply, and the policies of its trust. Where the platform's stack and a team's own stack share
 * an app, {@link dev.bulkhead.workload.AppPerimeter} is the platform's part (the policies) and
 * {@link dev.bulkhead.workload.AppWorkload} the team's (everything else, the kinds of
 * {@link dev.bulkhead.workload.WorkloadKinds}), under the same names. {@link dev.bulkhead.workload.Waypoint} is the
 * L7 proxy of a namespace whose apps have L7 rules, {@link dev.bulkhead.workload.AppIdentity} the app's IAM role
 * through EKS Pod Identity (kept apart because project stacks run without AWS credentials), and
 * {@link dev.bulkhead.workload.ProjectApps} creates a layer's part of them for a project. The policy generators are
 * pure: they return {@link dev.bulkhead.manifest.Manifest}s and create nothing.
 */
package dev.bulkhead.workload;
