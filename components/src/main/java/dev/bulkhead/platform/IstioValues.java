package dev.bulkhead.platform;

import java.util.Map;

/**
 * Helm values of the four Istio charts. Every chart installs its own NetworkPolicies
 * ({@code global.networkPolicy.enabled}), so istiod, istio-cni and ztunnel are themselves default-deny with only
 * the ports they serve open (istiod's chart lets it connect out anywhere: it fetches JWT issuers' keys). istiod runs
 * the ambient profile, signs identities in the configured trust domain, sends outbound traffic only to registered
 * hosts (the egress waypoints' allow-lists) and fetches JWT keys itself; mesh-wide STRICT mTLS is the
 * PeerAuthentication {@link PlatformServices} applies once istiod exists.
 */
public final class IstioValues {

    public static final String AMBIENT_PROFILE = "ambient";
    /** Who fetches the JWKS of a RequestAuthentication: {@code false} is istiod (Envoy would fetch for the others). */
    public static final String JWKS_FETCH_MODE = "PILOT_JWT_ENABLE_REMOTE_JWKS";

    private IstioValues() {
    }

    public static Map<String, Object> base() {
        return Map.of("global", global(), "defaultRevision", "default");
    }

    public static Map<String, Object> istiod(String trustDomain) {
        return Map.of(
                "profile", AMBIENT_PROFILE,
                "global", global(),
                "meshConfig", Map.of(
                        "trustDomain", trustDomain,
                        "outboundTrafficPolicy", Map.of("mode", "REGISTRY_ONLY")),
                "pilot", Map.of(
                        "autoscaleMin", 2,
                        "replicaCount", 2,
                        // istiod fetches JWT keys and hands them to the proxies inline: istiod's own chart policy
                        // lets it out, while waypoints in project namespaces have no way to the internet
                        "env", Map.of(JWKS_FETCH_MODE, "false")));
    }

    public static Map<String, Object> cni() {
        return Map.of("profile", AMBIENT_PROFILE, "global", global());
    }

    public static Map<String, Object> ztunnel() {
        return Map.of("profile", AMBIENT_PROFILE, "global", global());
    }

    private static Map<String, Object> global() {
        return Map.of("networkPolicy", Map.of("enabled", true));
    }
}
