package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.platform.admission.Kyverno.condition;
import static dev.bulkhead.platform.admission.Kyverno.everyContainer;

/**
 * Pod Security "restricted" and more, stated per container so nothing is left to defaults: runs as non-root,
 * cannot escalate privileges or be privileged, adds no capability and drops ALL, uses the RuntimeDefault seccomp
 * profile and a read-only root filesystem. Namespaces also enforce the restricted Pod Security level; this policy
 * adds the read-only root filesystem and reports violations of existing workloads in the background.
 */
public final class RestrictedPodSecurity {

    public static final String NAME = "bulkhead-restricted-pods";

    private RestrictedPodSecurity() {
    }

    public static Manifest of(AdmissionContext context) {
        Map<String, Object> securityContext = Map.of(
                "runAsNonRoot", true,
                "allowPrivilegeEscalation", false,
                "=(privileged)", false,
                "readOnlyRootFilesystem", true,
                "seccompProfile", Map.of("type", "RuntimeDefault"),
                "capabilities", Map.of("X(add)", "null"));
        return Kyverno.clusterPolicy(NAME, List.of(
                Kyverno.tenantPodPattern("restricted-security-context",
                        "every container must set securityContext: runAsNonRoot true, allowPrivilegeEscalation "
                                + "false, readOnlyRootFilesystem true, seccompProfile RuntimeDefault, no added "
                                + "capabilities and not privileged",
                        everyContainer(Map.of("securityContext", securityContext))),
                Kyverno.tenantPodRule("drop-all-capabilities", Map.of(
                        "failureAction", Kyverno.ENFORCE,
                        "message", "every container must drop ALL capabilities",
                        "foreach", List.of(Map.of(
                                "list", "request.object.spec.[ephemeralContainers, initContainers, containers][]",
                                "deny", Map.of("conditions", Map.of("any", List.of(condition("ALL", "AnyNotIn",
                                        "{{ element.securityContext.capabilities.drop[] || `[]` }}"))))))))));
    }
}
