package dev.bulkhead.check;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Pod Security restricted profile, check by check: one compliant pod, then one field broken at a time. */
class PodSecurityProfileTest {

    private static final String RESTRICTED = """
            {"securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}},
             "volumes": [{"name": "tmp", "emptyDir": {}}, {"name": "config", "configMap": {"name": "c"}}],
             "initContainers": [{"name": "init", "securityContext": {"allowPrivilegeEscalation": false,
                                 "capabilities": {"drop": ["ALL"]}}}],
             "containers": [{"name": "app", "ports": [{"containerPort": 8080}],
                             "securityContext": {"allowPrivilegeEscalation": false, "runAsUser": 65532,
                                                 "capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}}}]}
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(String json) {
        return new Gson().fromJson(json, Map.class);
    }

    /** The compliant spec with the JSON value at a dotted path (list elements by index) replaced. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(String path, String json) {
        Map<String, Object> root = spec(RESTRICTED);
        String[] parts = path.split("\\.");
        Object current = root;
        for (int i = 0; i < parts.length - 1; i++) {
            current = parts[i].matches("[0-9]+") ? ((List<Object>) current).get(Integer.parseInt(parts[i]))
                    : ((Map<String, Object>) current).computeIfAbsent(parts[i], k -> new java.util.LinkedHashMap<>());
        }
        String last = parts[parts.length - 1];
        Object value = new Gson().fromJson(json, Object.class);
        if (last.matches("[0-9]+")) {
            ((List<Object>) current).set(Integer.parseInt(last), value);
        } else {
            ((Map<String, Object>) current).put(last, value);
        }
        return root;
    }

    @Test
    void aCompliantPodPasses() {
        assertEquals(List.of(), PodSecurityProfile.restricted(spec(RESTRICTED), Map.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hostNetwork|true|spec.hostNetwork must not be true",
        "hostPID|true|spec.hostPID must not be true",
        "hostIPC|true|spec.hostIPC must not be true",
        "containers.0.securityContext.privileged|true|spec.containers[app].securityContext.privileged must not be true",
        "containers.0.securityContext.allowPrivilegeEscalation|true|spec.containers[app].securityContext.allowPrivilegeEscalation must be false",
        "initContainers.0.securityContext.allowPrivilegeEscalation|null|spec.initContainers[init].securityContext.allowPrivilegeEscalation must be false",
        "securityContext.runAsNonRoot|false|spec.containers[app].securityContext.runAsNonRoot must be true",
        "containers.0.securityContext.runAsNonRoot|false|spec.containers[app].securityContext.runAsNonRoot must be true",
        "containers.0.securityContext.runAsUser|0|spec.containers[app].securityContext.runAsUser: 0 (root) is not allowed",
        "securityContext.runAsUser|0|spec.securityContext.runAsUser: 0 (root) is not allowed",
        "securityContext.seccompProfile|{\"type\": \"Unconfined\"}|spec.securityContext.seccompProfile.type must not be Unconfined",
        "containers.0.securityContext.seccompProfile|{\"type\": \"Unconfined\"}|spec.containers[app].securityContext.seccompProfile.type must be RuntimeDefault or Localhost",
        "containers.0.securityContext.capabilities|{\"drop\": [\"NET_RAW\"]}|spec.containers[app].securityContext.capabilities.drop must include ALL",
        "containers.0.securityContext.capabilities|{\"drop\": [\"ALL\"], \"add\": [\"NET_ADMIN\"]}|capabilities.add: NET_ADMIN is not allowed (only NET_BIND_SERVICE)",
        "containers.0.securityContext.procMount|\"Unmasked\"|spec.containers[app].securityContext.procMount must be Default",
        "containers.0.ports.0.hostPort|8080|spec.containers[app].ports: hostPort 8080 is not allowed",
        "volumes.0|{\"name\": \"root\", \"hostPath\": {\"path\": \"/\"}}|spec.volumes[root]: hostPath volumes are not allowed",
        "volumes.1|{\"name\": \"nfs\", \"nfs\": {\"server\": \"x\", \"path\": \"/\"}}|spec.volumes[nfs]: volume type nfs is not allowed",
        "securityContext.sysctls|[{\"name\": \"kernel.msgmax\", \"value\": \"1\"}]|spec.securityContext.sysctls: kernel.msgmax is not a safe sysctl",
        "securityContext.seLinuxOptions|{\"type\": \"spc_t\"}|spec.securityContext.seLinuxOptions.type: spc_t is not allowed",
        "containers.0.securityContext.seLinuxOptions|{\"user\": \"system_u\"}|seLinuxOptions.user must not be set",
        "securityContext.windowsOptions|{\"hostProcess\": true}|spec.securityContext.windowsOptions.hostProcess must not be true",
        "containers.0.securityContext.appArmorProfile|{\"type\": \"Unconfined\"}|appArmorProfile.type: Unconfined is not allowed",
    })
    void eachCheckCatchesItsField(String path, String value, String expected) {
        List<String> violations = PodSecurityProfile.restricted(with(path, value), Map.of());
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), expected + " not in " + violations);
    }

    @Test
    void withoutAPodLevelSeccompEveryContainerMustSetOne() {
        var spec = with("securityContext.seccompProfile", "null");
        List<String> violations = PodSecurityProfile.restricted(spec, Map.of());
        assertEquals(List.of(
                "spec.initContainers[init].securityContext.seccompProfile.type must be RuntimeDefault or Localhost "
                        + "(here or in spec.securityContext)",
                "spec.containers[app].securityContext.seccompProfile.type must be RuntimeDefault or Localhost "
                        + "(here or in spec.securityContext)"), violations);
    }

    @Test
    void appArmorAnnotationsAreCheckedToo() {
        List<String> violations = PodSecurityProfile.restricted(spec(RESTRICTED),
                Map.of("container.apparmor.security.beta.kubernetes.io/app", "unconfined"));
        assertEquals(List.of("metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: unconfined "
                + "is not allowed (runtime/default or localhost/*)"), violations);
        assertEquals(List.of(), PodSecurityProfile.restricted(spec(RESTRICTED),
                Map.of("container.apparmor.security.beta.kubernetes.io/app", "localhost/app")));
    }

    @Test
    void baselineAllowsWhatRestrictedDoesNot() {
        var rootPod = with("securityContext.runAsNonRoot", "false");
        assertEquals(List.of(), PodSecurityProfile.baseline(rootPod, Map.of()));
        assertTrue(!PodSecurityProfile.restricted(rootPod, Map.of()).isEmpty());
    }
}
