package dev.bulkhead.mesh;

import dev.bulkhead.manifest.Manifest;

import java.util.Map;

/**
 * The authorization baseline of a namespace: an AuthorizationPolicy with an empty spec selects every workload and
 * is an ALLOW policy without rules, so it matches nothing and denies every connection that no other ALLOW policy
 * admits. ztunnel enforces it without a waypoint.
 */
public final class AllowNothing {

    public static final String NAME = "allow-nothing";

    private AllowNothing() {
    }

    public static Manifest forNamespace(String namespace, Map<String, String> labels) {
        return Manifest.namespaced(IstioSecurity.API_VERSION, IstioSecurity.AUTHORIZATION_POLICY, namespace, NAME,
                labels, Map.of());
    }
}
