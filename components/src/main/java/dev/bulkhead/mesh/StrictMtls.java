package dev.bulkhead.mesh;

import dev.bulkhead.manifest.Manifest;

import java.util.Map;

/**
 * PeerAuthentication with mTLS mode STRICT: ztunnel refuses plaintext to meshed pods, so every accepted connection
 * carries a verified SPIFFE identity for AuthorizationPolicies to check.
 */
public final class StrictMtls {

    /** The namespace-wide policy's name. */
    public static final String NAME = "strict-mtls";
    /** The mesh-wide policy: by Istio convention {@code default} in the root namespace. */
    public static final String MESH_WIDE_NAME = "default";

    private StrictMtls() {
    }

    /** STRICT for every workload of {@code namespace}. */
    public static Manifest forNamespace(String namespace, Map<String, String> labels) {
        return Manifest.namespaced(IstioSecurity.API_VERSION, IstioSecurity.PEER_AUTHENTICATION, namespace, NAME,
                labels, strict());
    }

    /** STRICT as the mesh-wide default, for namespaces that set nothing themselves. */
    public static Manifest meshWide(Map<String, String> labels) {
        return Manifest.namespaced(IstioSecurity.API_VERSION, IstioSecurity.PEER_AUTHENTICATION,
                Ambient.ROOT_NAMESPACE, MESH_WIDE_NAME, labels, strict());
    }

    private static Map<String, Object> strict() {
        return Map.of("mtls", Map.of("mode", "STRICT"));
    }
}
