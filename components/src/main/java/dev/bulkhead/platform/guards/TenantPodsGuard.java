package dev.bulkhead.platform.guards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.platform.guards.AdmissionGuard.WRITES;

/**
 * What a tenant's pods may not be, checked on Pods and on the pod template of every kind that creates Pods
 * (Deployments, ReplicaSets, StatefulSets, DaemonSets, ReplicationControllers, Jobs, CronJobs) in project namespaces:
 * <ul>
 *   <li>they wear no {@link ReservedPodLabels reserved label}: not the gateway's or a waypoint's (which
 *       {@code allow-istiod} admits to istiod), not Prometheus's (which project namespaces admit), and no
 *       opting out of the ambient mesh;</li>
 *   <li>they mount no projected ServiceAccount token (of any audience), so "no token" holds even for a pod that
 *       asks for one by volume.</li>
 * </ul>
 * Exempt are the platform admin role, istiod for the Deployments it generates for Gateways and waypoints, and the
 * controllers that create Pods (and ReplicaSets, and Jobs) from templates this guard has already checked when
 * their owner was written. A tenant's Deployment is therefore checked when the tenant writes it, and the Pods made
 * from it need no second check; a tenant changing the Deployment istiod made for a waypoint is refused, because it
 * still wears the waypoint's labels.
 */
public final class TenantPodsGuard {

    public static final String NAME = "bulkhead-tenant-pods";

    private TenantPodsGuard() {
    }

    public static AdmissionGuard of(GuardContext context) {
        List<Map<String, Object>> rules = List.of(
                AdmissionGuard.rule("", List.of("pods", "replicationcontrollers"), WRITES),
                AdmissionGuard.rule("apps", List.of("deployments", "replicasets", "statefulsets", "daemonsets"), WRITES),
                AdmissionGuard.rule("batch", List.of("jobs", "cronjobs"), WRITES));
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("platform", Cel.inAdminGroup());
        variables.put("controller", Cel.any(List.of(
                Cel.resourceIs("pods") + " && " + Cel.userIn(PlatformIdentities.POD_CREATORS),
                Cel.resourceIs("replicasets") + " && " + Cel.userIs(PlatformIdentities.DEPLOYMENT_CONTROLLER),
                Cel.resourceIs("jobs") + " && " + Cel.userIs(PlatformIdentities.CRONJOB_CONTROLLER),
                Cel.resourceIs("deployments") + " && " + Cel.userIs(PlatformIdentities.ISTIOD))));
        variables.put("reservedLabels", byResource(
                onPod("object", "metadata", "labels"),
                onPod("object", "spec", "jobTemplate", "spec", "template", "metadata", "labels"),
                onPod("object", "spec", "template", "metadata", "labels")));
        variables.put("tokenVolume", byResource(
                tokenVolume("object", "spec"),
                tokenVolume("object", "spec", "jobTemplate", "spec", "template", "spec"),
                tokenVolume("object", "spec", "template", "spec")));
        Map<String, String> validations = new LinkedHashMap<>();
        validations.put("variables.platform || variables.controller || !variables.reservedLabels",
                "pods in project namespaces cannot wear the gateway's, a waypoint's or Prometheus's labels, nor "
                        + "leave the ambient mesh");
        validations.put("variables.platform || variables.controller || !variables.tokenVolume",
                "pods in project namespaces cannot mount a ServiceAccount token, projected or not");
        return AdmissionGuard.of(NAME, AdmissionGuard.match(rules, AdmissionGuard.projectNamespaces()), Map.of(),
                variables, validations);
    }

    /** The expression for a Pod, for a CronJob, and for every other kind (whose template is at spec.template). */
    private static String byResource(String pod, String cronJob, String template) {
        return Cel.resourceIs("pods") + " ? (" + pod + ") : " + Cel.resourceIs("cronjobs") + " ? (" + cronJob
                + ") : (" + template + ")";
    }

    private static String onPod(String root, String... labelsPath) {
        return Cel.present(root, labelsPath) + " && (" + ReservedPodLabels.cel(root + "." + String.join(".",
                labelsPath)) + ")";
    }

    private static String tokenVolume(String root, String... specPath) {
        List<String> volumes = new ArrayList<>(List.of(specPath));
        volumes.add("volumes");
        String path = root + "." + String.join(".", volumes);
        return Cel.present(root, volumes.toArray(String[]::new)) + " && " + path
                + ".exists(v, has(v.projected) && has(v.projected.sources) && "
                + "v.projected.sources.exists(s, has(s.serviceAccountToken)))";
    }
}
