package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;

import java.util.List;
import java.util.Map;


/**
 * No project pod shares the node's network, process or IPC namespaces, mounts a host path or binds a host port:
 * each of those would step around the NetworkPolicies and the mesh, or out of the container.
 */
public final class NoHostAccess {

    public static final String NAME = "bulkhead-no-host-access";

    private NoHostAccess() {
    }

    public static Manifest of(AdmissionContext context) {
        Map<String, Object> noHostPorts = Map.of("=(ports)", List.of(Map.of("=(hostPort)", 0)));
        return Kyverno.clusterPolicy(NAME, List.of(
                Kyverno.tenantPodPattern("no-host-namespaces",
                        "hostNetwork, hostPID and hostIPC are not allowed in project namespaces",
                        Map.of("spec", Map.of("=(hostNetwork)", false, "=(hostPID)", false, "=(hostIPC)", false))),
                Kyverno.tenantPodPattern("no-host-path",
                        "hostPath volumes are not allowed in project namespaces",
                        Map.of("spec", Map.of("=(volumes)", List.of(Map.of("X(hostPath)", "null"))))),
                Kyverno.tenantPodPattern("no-host-ports",
                        "hostPort is not allowed in project namespaces",
                        Map.of("spec", Map.of("containers", List.of(noHostPorts),
                                "=(initContainers)", List.of(noHostPorts),
                                "=(ephemeralContainers)", List.of(noHostPorts))))));
    }
}
