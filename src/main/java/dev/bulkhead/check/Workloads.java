package dev.bulkhead.check;

import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workloads of a render, read from their pod templates (Deployments, StatefulSets, DaemonSets, Jobs and
 * CronJobs): where a template exists, it says what a pod's labels and identity are; elsewhere a namespace is
 * represented by a pod without labels running as {@code default}.
 */
public final class Workloads {

    static final List<String> KINDS = List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

    private final List<Workload> all;
    private final Map<String, List<Workload>> byNamespace = new LinkedHashMap<>();

    private Workloads(List<Workload> all) {
        this.all = List.copyOf(all);
        all.forEach(w -> byNamespace.computeIfAbsent(w.namespace(), ns -> new ArrayList<>()).add(w));
    }

    static Workloads of(RenderView view) {
        List<Workload> out = new ArrayList<>();
        for (String kind : KINDS) {
            for (RenderedResource r : view.kind(kind)) {
                Map<String, Object> spec = RenderView.spec(r);
                Map<String, Object> template = Plain.map(kind.equals("CronJob")
                        ? Plain.at(spec, "jobTemplate.spec.template") : spec.get("template"));
                Map<String, Object> podSpec = Plain.map(template.get("spec"));
                Map<String, String> labels = new LinkedHashMap<>();
                Plain.map(Plain.map(template.get("metadata")).get("labels"))
                        .forEach((k, v) -> labels.put(k, String.valueOf(v)));
                Object account = podSpec.get("serviceAccountName");
                out.add(new Workload(kind, RenderView.namespace(r).orElse("default"), RenderView.name(r), labels,
                        account == null ? "default" : String.valueOf(account), Plain.truthy(podSpec.get("hostNetwork"))));
            }
        }
        out.sort(java.util.Comparator.comparing(Workload::id));
        return new Workloads(out);
    }

    public List<Workload> all() {
        return all;
    }

    public List<Workload> in(String namespace) {
        return byNamespace.getOrDefault(namespace, List.of());
    }

    /**
     * The workload {@code name} in {@code namespace}: by its object name, or by the app label its pods carry
     * ({@code app.kubernetes.io/name}, {@code app}).
     */
    public Optional<Workload> find(String namespace, String name) {
        for (Workload w : in(namespace)) {
            if (w.name().equals(name)) {
                return Optional.of(w);
            }
        }
        return in(namespace).stream().filter(w -> name.equals(w.labels().get("app.kubernetes.io/name"))
                || name.equals(w.labels().get("app"))).findFirst();
    }

    /** The workloads of {@code namespace} whose pods carry every label of {@code selector}. */
    public List<Workload> selectedBy(String namespace, Map<String, String> selector) {
        return in(namespace).stream().filter(w -> selector.entrySet().stream()
                .allMatch(e -> e.getValue().equals(w.labels().get(e.getKey())))).toList();
    }
}
