package dev.bulkhead.workload;

import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.ProbeSpec;
import dev.bulkhead.model.ResourcesSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pod of an app, hardened so that Pod Security {@code restricted} and the platform's admission policies admit it
 * as it is: its own ServiceAccount without a mounted token, non-root with the given user, no privilege escalation,
 * every capability dropped, the runtime's default seccomp profile, a read-only root filesystem with an emptyDir on
 * {@value #TMP}, requests and limits, startup, readiness and liveness probes, and spread across zones and nodes.
 */
public final class PodTemplate {

    public static final String CONTAINER = "app";
    public static final String HTTP_PORT_NAME = "http";
    public static final String METRICS_PORT_NAME = "metrics";
    public static final String TMP = "/tmp";
    /** Bounds what the app can write to its scratch space, which lives on the node's disk. */
    public static final String TMP_SIZE = "256Mi";
    public static final String ZONE = "topology.kubernetes.io/zone";
    public static final String HOST = "kubernetes.io/hostname";

    private PodTemplate() {
    }

    public static PodTemplateSpecArgs of(String project, AppSpec app) {
        return PodTemplateSpecArgs.builder()
                .metadata(ObjectMetaArgs.builder().labels(AppLabels.pods(project, app)).build())
                .spec(PodSpecArgs.builder()
                        .serviceAccountName(app.name())
                        .automountServiceAccountToken(false)
                        .enableServiceLinks(false)
                        .securityContext(PodSecurityContextArgs.builder()
                                .runAsNonRoot(true)
                                .runAsUser(app.runAsUser())
                                .runAsGroup(app.runAsUser())
                                .fsGroup(app.runAsUser())
                                .seccompProfile(runtimeDefault())
                                .build())
                        .containers(container(app))
                        .volumes(VolumeArgs.builder().name("tmp")
                                .emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit(TMP_SIZE).build()).build())
                        .topologySpreadConstraints(spread(app, ZONE), spread(app, HOST))
                        .build())
                .build();
    }

    private static ContainerArgs container(AppSpec app) {
        List<ContainerPortArgs> ports = new ArrayList<>();
        ports.add(ContainerPortArgs.builder().name(HTTP_PORT_NAME).containerPort(app.port()).protocol("TCP").build());
        app.metricsPort().ifPresent(p -> ports.add(
                ContainerPortArgs.builder().name(METRICS_PORT_NAME).containerPort(p).protocol("TCP").build()));
        List<EnvVarArgs> env = new ArrayList<>();
        app.env().forEach((k, v) -> env.add(EnvVarArgs.builder().name(k).value(v).build()));
        var container = ContainerArgs.builder()
                .name(CONTAINER)
                .image(app.image())
                .imagePullPolicy("IfNotPresent")
                .ports(ports)
                .resources(resources(app.resources()))
                .startupProbe(probe(app.probes().startup(), 5, 30))
                .readinessProbe(probe(app.probes().readiness(), 10, 3))
                .livenessProbe(probe(app.probes().liveness(), 20, 3))
                .securityContext(SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .allowPrivilegeEscalation(false)
                        .privileged(false)
                        .readOnlyRootFilesystem(true)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .seccompProfile(runtimeDefault())
                        .build())
                .volumeMounts(VolumeMountArgs.builder().name("tmp").mountPath(TMP).build());
        if (!env.isEmpty()) {
            container.env(env);
        }
        return container.build();
    }

    private static ResourceRequirementsArgs resources(ResourcesSpec r) {
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", r.cpu().text(), "memory", r.memory().text()))
                .limits(Map.of("cpu", r.limitCpu().text(), "memory", r.limitMemory().text()))
                .build();
    }

    /** A probe checked every {@code period} seconds, failing after {@code failures} misses in a row. */
    private static ProbeArgs probe(ProbeSpec spec, int period, int failures) {
        var probe = ProbeArgs.builder().periodSeconds(period).failureThreshold(failures).timeoutSeconds(2);
        if (spec.path().isPresent()) {
            probe.httpGet(HTTPGetActionArgs.builder().path(spec.path().get()).port(spec.port()).build());
        } else {
            probe.tcpSocket(TCPSocketActionArgs.builder().port(spec.port()).build());
        }
        return probe.build();
    }

    /** As even as the nodes allow, without ever leaving a pod unscheduled for it. */
    private static TopologySpreadConstraintArgs spread(AppSpec app, String topologyKey) {
        return TopologySpreadConstraintArgs.builder()
                .maxSkew(1)
                .topologyKey(topologyKey)
                .whenUnsatisfiable("ScheduleAnyway")
                .labelSelector(LabelSelectorArgs.builder().matchLabels(AppLabels.selector(app)).build())
                .build();
    }

    private static SeccompProfileArgs runtimeDefault() {
        return SeccompProfileArgs.builder().type("RuntimeDefault").build();
    }
}
