/**
 * One tenant project: its namespaces, each a sealed compartment. The objects come from several packages:
 * {@code isolation} (the namespace, default deny, DNS, ambient, istiod, monitoring, quota, limits, the default
 * ServiceAccount), {@code mesh} (STRICT mTLS, allow-nothing, the project's authorization), {@code access} (the
 * developers' RoleBinding), {@code ingress} (what a namespace holds for the project's gateway and its exports, and the
 * gateway namespace itself) and {@code egress} (the project's ways out). {@code isolation.CompartmentPlan} says
 * which of them are the platform's and which the project's own, for the stacks that split them.
 */
package dev.bulkhead.project;
