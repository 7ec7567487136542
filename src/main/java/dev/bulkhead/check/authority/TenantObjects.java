package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.check.Rule.Violation;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.platform.guards.ReservedPodLabels;
import dev.bulkhead.platform.guards.TokenSecretsGuard;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.check.authority.Values.list;
import static dev.bulkhead.check.authority.Values.map;

/**
 * What the render itself places in project namespaces that only a platform identity may be: a pod, or the pod
 * template of a workload, wearing a {@link ReservedPodLabels reserved label} or mounting a projected ServiceAccount
 * token; a ServiceAccount token Secret; a project namespace taken out of the ambient mesh.
 */
final class TenantObjects {

    static final List<String> POD_TEMPLATE_KINDS = List.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet",
            "Job", "ReplicationController");

    private TenantObjects() {
    }

    static List<Violation> violations(RenderView view) {
        Map<String, String> projects = view.projectNamespaces();
        List<Violation> out = new ArrayList<>();
        for (RenderedResource r : view.resources()) {
            if (!r.isKubernetesObject()) {
                continue;
            }
            String kind = r.type().substring(r.type().lastIndexOf(':') + 1);
            if (kind.equals("Namespace") && projects.containsKey(RenderView.name(r))) {
                String mode = RenderView.labels(r).get(Labels.AMBIENT);
                if (!Labels.AMBIENT_VALUE.equals(mode)) {
                    out.add(new Violation(RenderView.describe(r), "a project namespace outside the ambient mesh ("
                            + Labels.AMBIENT + "=" + mode + ")"));
                }
                continue;
            }
            if (!RenderView.namespace(r).map(projects::containsKey).orElse(false)) {
                continue;
            }
            Map<String, Object> pod = podTemplate(kind, r.inputs());
            if (pod != null) {
                String problem = podProblem(pod);
                if (problem != null) {
                    out.add(new Violation(RenderView.describe(r), problem));
                }
            }
            if (kind.equals("Secret") && TokenSecretsGuard.TOKEN_TYPE.equals(r.inputs().get("type"))) {
                out.add(new Violation(RenderView.describe(r), "a ServiceAccount token Secret"));
            }
        }
        return out;
    }

    /** The pod (metadata and spec) an object is or makes; null for other kinds. */
    private static Map<String, Object> podTemplate(String kind, Map<String, Object> object) {
        if (kind.equals("Pod")) {
            return object;
        }
        Map<String, Object> spec = map(object.get("spec"));
        if (kind.equals("CronJob")) {
            return map(map(map(spec.get("jobTemplate")).get("spec")).get("template"));
        }
        return POD_TEMPLATE_KINDS.contains(kind) ? map(spec.get("template")) : null;
    }

    private static String podProblem(Map<String, Object> pod) {
        Map<String, Object> labels = map(map(pod.get("metadata")).get("labels"));
        for (String key : ReservedPodLabels.KEYS) {
            if (labels.containsKey(key)) {
                return "its pods wear " + key + ", a label of the pods Istio deploys for gateways and waypoints";
            }
        }
        Object mode = labels.get(Labels.AMBIENT);
        if (mode != null && !Labels.AMBIENT_VALUE.equals(mode)) {
            return "its pods leave the ambient mesh (" + Labels.AMBIENT + "=" + mode + ")";
        }
        if (Labels.APP_NAME_PROMETHEUS.equals(labels.get(Labels.APP_NAME))) {
            return "its pods wear " + Labels.APP_NAME + "=" + Labels.APP_NAME_PROMETHEUS + ", the label project "
                    + "namespaces admit scrapes from";
        }
        for (Object volume : list(map(pod.get("spec")).get("volumes"))) {
            for (Object source : list(map(map(volume).get("projected")).get("sources"))) {
                if (map(source).containsKey("serviceAccountToken")) {
                    return "its pods mount a projected ServiceAccount token (volume " + map(volume).get("name") + ")";
                }
            }
        }
        return null;
    }

}
