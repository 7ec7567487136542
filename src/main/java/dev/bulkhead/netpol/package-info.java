/**
 * An offline evaluator of Kubernetes NetworkPolicies: given the policies and the namespaces' labels, it says
 * whether a flow between two endpoints may happen, and which policies decided it. It follows the semantics of the
 * Kubernetes NetworkPolicy documentation and is the engine behind {@code check}, {@code reach} and the tests of
 * rendered policies. Only {@link dev.bulkhead.netpol.NetworkPolicyEvaluator}, the endpoint, flow and verdict types
 * and {@link dev.bulkhead.netpol.ReachabilityMatrix} are public; the compiled policy model is package-private.
 */
package dev.bulkhead.netpol;
