package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.Ambient;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;

/**
 * Egress to istiod's xDS and certificate port, for the mesh proxies Istio deploys into the namespace (waypoints, the
 * project gateway) and nothing else. Plain workloads never talk to istiod in ambient: their ztunnel does, from its
 * own pod in {@value Ambient#ROOT_NAMESPACE}.
 */
public final class AllowIstiod {

    public static final String NAME = "allow-istiod";

    private AllowIstiod() {
    }

    public static Manifest of(Compartment compartment) {
        return forNamespace(compartment.namespace(), compartment.labels());
    }

    /** istiod for the mesh proxies of any namespace Bulkhead seals. */
    public static Manifest forNamespace(String namespace, Map<String, String> labels) {
        return NetworkPolicyParts.policy(namespace, labels, NAME, Map.of(
                "podSelector", Map.of("matchExpressions",
                        List.of(Map.of("key", Ambient.PROXY_POD_LABEL, "operator", "Exists"))),
                "policyTypes", List.of(EGRESS),
                "egress", List.of(NetworkPolicyParts.to(
                        List.of(NetworkPolicyParts.podsIn(Ambient.ROOT_NAMESPACE, Ambient.ISTIOD_POD_LABELS)),
                        List.of(NetworkPolicyParts.tcp(Ambient.ISTIOD_XDS_PORT))))));
    }
}
