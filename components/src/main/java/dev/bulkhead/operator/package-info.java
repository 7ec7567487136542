/**
 * The Pulumi Kubernetes Operator (v2) and the project stacks it reconciles inside the cluster: its Helm release, its
 * sealed namespace, one {@code Stack} per project from that project's own stack settings (this program's project
 * layer or the team's own program, its own state, key and credentials), each workspace's identity and RBAC (the app
 * kinds in its project's namespaces), and the NetworkPolicies between the operator, its workspaces, the Kubernetes
 * API and each project's own git host and state backend. Every object is first built as plain data by a pure
 * generator, then registered by {@link dev.bulkhead.operator.PulumiOperator}.
 */
package dev.bulkhead.operator;
