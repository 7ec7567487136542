/**
 * What makes a project namespace a sealed compartment: its labels, the token-less default ServiceAccount, quota and
 * container defaults, and the NetworkPolicies, each from one small pure generator with a deterministic name;
 * {@link dev.bulkhead.isolation.CompartmentPlan} puts them in order and
 * {@link dev.bulkhead.isolation.NamespaceCompartment} creates them so that the namespace is never open.
 */
package dev.bulkhead.isolation;
