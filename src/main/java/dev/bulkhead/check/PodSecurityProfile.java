package dev.bulkhead.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The Kubernetes Pod Security Standards, levels {@code baseline} and {@code restricted} as of v1.31, evaluated field by
 * field on a pod spec (and the pod's annotations, for AppArmor), with every violation named by its field path. This
 * is what the namespaces' {@code pod-security.kubernetes.io/enforce: restricted} label makes the API server check, so
 * a render that passes here is admitted there.
 */
public final class PodSecurityProfile {

    static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");
    static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    static final Set<String> SELINUX_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");
    static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");
    static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

    private PodSecurityProfile() {
    }

    /** Every way {@code spec} falls short of {@code restricted} (which includes {@code baseline}); empty when none. */
    public static List<String> restricted(Map<String, Object> spec, Map<String, String> annotations) {
        List<String> out = new ArrayList<>(baseline(spec, annotations));
        Map<String, Object> pod = Plain.map(spec.get("securityContext"));
        for (Object v : Plain.list(spec.get("volumes"))) {
            Map<String, Object> volume = Plain.map(v);
            for (String key : volume.keySet()) {
                if (!key.equals("name") && !RESTRICTED_VOLUMES.contains(key)) {
                    out.add("spec.volumes[" + volume.get("name") + "]: volume type " + key + " is not allowed; use "
                            + "one of " + new TreeSet<>(RESTRICTED_VOLUMES));
                }
            }
        }
        boolean podNonRoot = Boolean.TRUE.equals(pod.get("runAsNonRoot"));
        String podSeccomp = Plain.string(Plain.map(pod.get("seccompProfile")).get("type"));
        if (isRoot(pod.get("runAsUser"))) {
            out.add("spec.securityContext.runAsUser: 0 (root) is not allowed");
        }
        forEachContainer(spec, (path, c) -> {
            Map<String, Object> sc = Plain.map(c.get("securityContext"));
            if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
                out.add(path + ".securityContext.allowPrivilegeEscalation must be false");
            }
            Object nonRoot = sc.get("runAsNonRoot");
            if (Boolean.FALSE.equals(nonRoot) || (nonRoot == null && !podNonRoot)) {
                out.add(path + ".securityContext.runAsNonRoot must be true (here or in spec.securityContext)");
            }
            if (isRoot(sc.get("runAsUser"))) {
                out.add(path + ".securityContext.runAsUser: 0 (root) is not allowed");
            }
            String seccomp = Plain.string(Plain.map(sc.get("seccompProfile")).get("type"));
            String effective = seccomp != null ? seccomp : podSeccomp;
            if (!"RuntimeDefault".equals(effective) && !"Localhost".equals(effective)) {
                out.add(path + ".securityContext.seccompProfile.type must be RuntimeDefault or Localhost (here or in "
                        + "spec.securityContext)");
            }
            Map<String, Object> capabilities = Plain.map(sc.get("capabilities"));
            if (!Plain.strings(capabilities.get("drop")).contains("ALL")) {
                out.add(path + ".securityContext.capabilities.drop must include ALL");
            }
            for (String added : Plain.strings(capabilities.get("add"))) {
                if (!added.equals("NET_BIND_SERVICE")) {
                    out.add(path + ".securityContext.capabilities.add: " + added + " is not allowed (only "
                            + "NET_BIND_SERVICE)");
                }
            }
        });
        return out;
    }

    /** Every way {@code spec} falls short of {@code baseline}; empty when none. */
    public static List<String> baseline(Map<String, Object> spec, Map<String, String> annotations) {
        List<String> out = new ArrayList<>();
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (Plain.truthy(spec.get(host))) {
                out.add("spec." + host + " must not be true");
            }
        }
        Map<String, Object> pod = Plain.map(spec.get("securityContext"));
        if (Plain.truthy(Plain.at(pod, "windowsOptions.hostProcess"))) {
            out.add("spec.securityContext.windowsOptions.hostProcess must not be true");
        }
        seLinux(out, "spec.securityContext", pod);
        appArmor(out, "spec.securityContext", pod);
        if ("Unconfined".equals(Plain.string(Plain.map(pod.get("seccompProfile")).get("type")))) {
            out.add("spec.securityContext.seccompProfile.type must not be Unconfined");
        }
        for (Object s : Plain.list(pod.get("sysctls"))) {
            String name = Plain.string(Plain.map(s).get("name"));
            if (!SAFE_SYSCTLS.contains(name)) {
                out.add("spec.securityContext.sysctls: " + name + " is not a safe sysctl");
            }
        }
        for (Object v : Plain.list(spec.get("volumes"))) {
            Map<String, Object> volume = Plain.map(v);
            if (volume.containsKey("hostPath")) {
                out.add("spec.volumes[" + volume.get("name") + "]: hostPath volumes are not allowed");
            }
        }
        annotations.forEach((key, value) -> {
            if (key.startsWith(APPARMOR_ANNOTATION) && !value.equals("runtime/default")
                    && !value.startsWith("localhost/")) {
                out.add("metadata.annotations[" + key + "]: " + value + " is not allowed (runtime/default or "
                        + "localhost/*)");
            }
        });
        forEachContainer(spec, (path, c) -> {
            Map<String, Object> sc = Plain.map(c.get("securityContext"));
            if (Plain.truthy(sc.get("privileged"))) {
                out.add(path + ".securityContext.privileged must not be true");
            }
            if (Plain.truthy(Plain.at(sc, "windowsOptions.hostProcess"))) {
                out.add(path + ".securityContext.windowsOptions.hostProcess must not be true");
            }
            Object procMount = sc.get("procMount");
            if (procMount != null && !"Default".equals(procMount)) {
                out.add(path + ".securityContext.procMount must be Default");
            }
            if ("Unconfined".equals(Plain.string(Plain.map(sc.get("seccompProfile")).get("type")))) {
                out.add(path + ".securityContext.seccompProfile.type must not be Unconfined");
            }
            seLinux(out, path + ".securityContext", sc);
            appArmor(out, path + ".securityContext", sc);
            for (Object p : Plain.list(c.get("ports"))) {
                Object hostPort = Plain.map(p).get("hostPort");
                if (hostPort != null && !"0".equals(Plain.integer(hostPort))) {
                    out.add(path + ".ports: hostPort " + Plain.integer(hostPort) + " is not allowed");
                }
            }
        });
        return out;
    }

    private static void seLinux(List<String> out, String path, Map<String, Object> securityContext) {
        Map<String, Object> options = Plain.map(securityContext.get("seLinuxOptions"));
        Object type = options.get("type");
        if (type != null && !SELINUX_TYPES.contains(String.valueOf(type))) {
            out.add(path + ".seLinuxOptions.type: " + type + " is not allowed");
        }
        for (String field : List.of("user", "role")) {
            Object value = options.get(field);
            if (value != null && !String.valueOf(value).isEmpty()) {
                out.add(path + ".seLinuxOptions." + field + " must not be set");
            }
        }
    }

    private static void appArmor(List<String> out, String path, Map<String, Object> securityContext) {
        Object type = Plain.map(securityContext.get("appArmorProfile")).get("type");
        if (type != null && !"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
            out.add(path + ".appArmorProfile.type: " + type + " is not allowed (RuntimeDefault or Localhost)");
        }
    }

    private static boolean isRoot(Object runAsUser) {
        return runAsUser != null && "0".equals(Plain.integer(runAsUser));
    }

    /** Calls {@code check} with the path and body of every container, init container and ephemeral container. */
    static void forEachContainer(Map<String, Object> spec,
                                 BiConsumer<String, Map<String, Object>> check) {
        forEachContainer(spec, CONTAINER_LISTS, check);
    }

    /** Calls {@code check} with the path ({@code spec.<list>[<name>]}) and body of every container of {@code lists}. */
    static void forEachContainer(Map<String, Object> spec, List<String> lists,
                                 BiConsumer<String, Map<String, Object>> check) {
        for (String list : lists) {
            List<Object> containers = Plain.list(spec.get(list));
            for (int i = 0; i < containers.size(); i++) {
                Map<String, Object> container = Plain.map(containers.get(i));
                check.accept("spec." + list + "[" + container.getOrDefault("name", i) + "]", container);
            }
        }
    }
}
