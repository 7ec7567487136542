/**
 * Egress allow-lists that hold in Istio ambient mode: external hosts reached only through one egress waypoint that
 * admits each host for the projects that list it, CIDR rules as exact NetworkPolicy address blocks, and nothing else
 * out of a project's namespaces.
 */
package dev.bulkhead.egress;
