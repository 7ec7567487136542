package dev.bulkhead.mesh;

/** API version and kinds of Istio's security resources (GA as {@code v1} since Istio 1.22). */
public final class IstioSecurity {

    public static final String API_VERSION = "security.istio.io/v1";
    static final String PEER_AUTHENTICATION = "PeerAuthentication";
    public static final String AUTHORIZATION_POLICY = "AuthorizationPolicy";

    private IstioSecurity() {
    }
}
