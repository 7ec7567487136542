/**
 * The Istio ambient side of a project's compartment: mutual TLS (PeerAuthentication), L4 authorization by SPIFFE
 * identity (AuthorizationPolicy), and the ports and addresses the ambient data plane uses. Generators here are pure:
 * they return {@link dev.bulkhead.manifest.Manifest}s and create nothing.
 */
package dev.bulkhead.mesh;
