package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;

import java.util.List;
import java.util.Map;


/**
 * Every container states CPU and memory requests and limits (so quotas are meaningful and one tenant cannot starve
 * a node), and every long-running container has liveness and readiness probes. The probe rule matches the
 * API server's defaulted object, where any configured probe has a positive period.
 */
public final class ResourcesAndProbes {

    public static final String NAME = "bulkhead-resources-and-probes";

    private ResourcesAndProbes() {
    }

    public static Manifest of(AdmissionContext context) {
        Map<String, Object> amounts = Map.of("cpu", "?*", "memory", "?*");
        Map<String, Object> resources = Map.of("resources", Map.of("requests", amounts, "limits", amounts));
        Map<String, Object> probe = Map.of("periodSeconds", ">0");
        return Kyverno.clusterPolicy(NAME, List.of(
                Kyverno.tenantPodPattern("requests-and-limits",
                        "every container must set CPU and memory requests and limits",
                        Map.of("spec", Map.of("containers", List.of(resources),
                                "=(initContainers)", List.of(resources)))),
                Kyverno.tenantPodPattern("liveness-and-readiness-probes",
                        "every container must have a livenessProbe and a readinessProbe",
                        Map.of("spec", Map.of("containers", List.of(Map.of(
                                "livenessProbe", probe, "readinessProbe", probe)))))));
    }
}
