package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.Ambient;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;
import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * What the ambient data plane needs of every pod, stated on its own so that it survives any narrowing of the
 * project-wide policy:
 * <ul>
 *   <li>HBONE (TCP {@value Ambient#HBONE_PORT}) in from and out to the project's namespaces: ztunnel carries all
 *       meshed traffic between pods on that port, from the client pod's address;</li>
 *   <li>kubelet probes, which istio-cni rewrites to come from {@value Ambient#PROBE_SOURCE_CIDR}; they may target
 *       any port the pod declares, so no port is named.</li>
 * </ul>
 * Like the project-wide allowance, it leaves out the pods of apps with narrowed callers and waypoints
 * ({@link NetworkPolicyParts#projectWidePods()}), whose own policies admit their probes and exactly their HBONE peers.
 */
public final class AllowAmbient {

    public static final String NAME = "allow-ambient";

    private AllowAmbient() {
    }

    public static Manifest of(Compartment compartment) {
        var project = List.of(NetworkPolicyParts.appNamespaces(compartment.projectSelector()));
        var hbone = List.of(NetworkPolicyParts.tcp(Ambient.HBONE_PORT));
        return NetworkPolicyParts.policy(compartment, NAME, Map.of(
                "podSelector", NetworkPolicyParts.projectWidePods(),
                "policyTypes", List.of(INGRESS, EGRESS),
                "ingress", List.of(
                        NetworkPolicyParts.from(List.of(NetworkPolicyParts.ipBlock(Ambient.PROBE_SOURCE_CIDR)),
                                List.of()),
                        NetworkPolicyParts.from(project, hbone)),
                "egress", List.of(NetworkPolicyParts.to(project, hbone))));
    }
}
