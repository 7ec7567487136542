package dev.bulkhead.platform;

import java.util.Map;

/**
 * Helm values of the four Istio charts. Every chart installs its own NetworkPolicies
 * ({@code global.networkPolicy.enabled}), so istiod, istio-cni and ztunnel are themselves default-deny with only
 * the ports they serve open. istiod runs the ambient profile, signs identities in the configured trust domain and
 * sends outbound traffic only to registered hosts (the egress waypoints' allow-lists); mesh-wide STRICT mTLS is
 * the PeerAuthentication {@link PlatformServices} applies once istiod exists.
 */
public final class IstioValues {

    public static final String AMBIENT_PROFILE = "ambient";

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
                        "replicaCount", 2));
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
