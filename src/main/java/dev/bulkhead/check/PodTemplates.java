package dev.bulkhead.check;

import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every pod a render would run, as the template that makes it: Deployments, StatefulSets, DaemonSets, ReplicaSets,
 * Jobs and CronJobs (through their job template), and bare Pods. Helm releases and operator-managed objects are
 * rendered as values, not pods, and are not among them.
 */
final class PodTemplates {

    /** Kinds whose pods are expected to run for good (and so need readiness and liveness probes). */
    static final List<String> LONG_RUNNING = List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod");
    static final List<String> KINDS = List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob",
            "Pod");

    /**
     * One pod template.
     *
     * @param owner    the rendered object holding it
     * @param kind     the owner's kind
     * @param replicas the owner's {@code spec.replicas}, if it states one
     */
    record Template(RenderedResource owner, String kind, String namespace, String name, Map<String, String> labels,
                    Map<String, String> annotations, Map<String, Object> spec, Optional<Integer> replicas) {

        boolean longRunning() {
            return LONG_RUNNING.contains(kind);
        }

        String describe() {
            return RenderView.describe(owner);
        }
    }

    private PodTemplates() {
    }

    static List<Template> of(RenderView view) {
        List<Template> out = new ArrayList<>();
        for (RenderedResource r : view.resources()) {
            if (!r.type().startsWith("kubernetes:")) {
                continue;
            }
            String kind = r.type().substring(r.type().lastIndexOf(':') + 1);
            if (!KINDS.contains(kind)) {
                continue;
            }
            Map<String, Object> spec = RenderView.spec(r);
            Map<String, Object> template = switch (kind) {
                case "Pod" -> Map.of("metadata", Plain.map(r.inputs().get("metadata")), "spec", spec);
                case "CronJob" -> Plain.map(Plain.at(spec, "jobTemplate.spec.template"));
                default -> Plain.map(spec.get("template"));
            };
            Map<String, Object> metadata = Plain.map(template.get("metadata"));
            Object replicas = spec.get("replicas");
            out.add(new Template(r, kind, RenderView.namespace(r).orElse("default"), RenderView.name(r),
                    strings(metadata.get("labels")), strings(metadata.get("annotations")),
                    Plain.map(template.get("spec")),
                    replicas == null || kind.equals("Pod") ? Optional.empty()
                            : Optional.of(Integer.parseInt(Plain.integer(replicas)))));
        }
        return List.copyOf(out);
    }

    private static Map<String, String> strings(Object value) {
        Map<String, String> out = new java.util.TreeMap<>();
        Plain.map(value).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
