/**
 * The Pulumi Kubernetes Operator (v2) and the project stacks it reconciles inside the cluster: its Helm release,
 * its sealed namespace, one {@code Stack} per project, the workspaces' identity and RBAC, and the NetworkPolicies
 * between the operator, its workspaces, the Kubernetes API, the git host and the state backend. Every object is
 * first built as plain data by a pure generator, then registered by {@link dev.bulkhead.operator.PulumiOperator}.
 */
package dev.bulkhead.operator;
