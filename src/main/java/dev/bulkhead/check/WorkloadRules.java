package dev.bulkhead.check;

import dev.bulkhead.check.PodTemplates.Template;
import dev.bulkhead.check.Rule.Violation;
import dev.bulkhead.model.Quantity;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import static dev.bulkhead.check.Severity.ERROR;
import static dev.bulkhead.check.Severity.WARNING;

/**
 * What a pipeline of kube-score and Pod Security admission demands of every pod a render would run: the restricted
 * Pod Security profile, probes, requests and limits, pinned images, a disruption budget that lets drains proceed
 * wherever there is more than one replica, Services whose port is the container port, and no API token in project
 * pods.
 */
final class WorkloadRules {

    static final String SERVICE = "kubernetes:core/v1:Service";
    static final String PDB = "kubernetes:policy/v1:PodDisruptionBudget";
    static final String HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
    static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}$");
    static final Pattern TAG = Pattern.compile("^[^@]*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}(@.+)?$");

    private WorkloadRules() {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("workload.pod-security", "workload", ERROR,
                        "every pod template meets Pod Security restricted (v1.31), field by field",
                        "set the fields named: runAsNonRoot, allowPrivilegeEscalation false, capabilities drop ALL, "
                                + "seccompProfile RuntimeDefault, and no host namespaces, ports or paths",
                        perTemplate(t -> PodSecurityProfile.restricted(t.spec(), t.annotations()))),
                new Rule("workload.probes", "workload", ERROR,
                        "every container of a long-running pod has a readiness and a liveness probe",
                        "add readinessProbe and livenessProbe (an app's probes: in config)",
                        perTemplate(WorkloadRules::probes)),
                new Rule("workload.resources", "workload", ERROR,
                        "every container and init container requests and limits CPU and memory, limits at least "
                                + "the requests",
                        "set resources.requests and resources.limits for cpu and memory",
                        perTemplate(WorkloadRules::resources)),
                new Rule("workload.image-pinned", "workload", ERROR,
                        "every image names a digest or a tag, and the tag is not latest",
                        "pin the image by digest: registry/repository@sha256:<64 hex>",
                        perTemplate(t -> images(t, false))),
                new Rule("workload.image-digest", "workload", WARNING,
                        "images pinned by tag only are reported: a tag can be moved to other content",
                        "pin the image by digest",
                        perTemplate(t -> images(t, true))),
                new Rule("workload.disruption-budget", "workload", ERROR,
                        "a Deployment or StatefulSet with more than one replica has a PodDisruptionBudget, and no "
                                + "budget forbids every eviction of the pods it selects",
                        "add a PodDisruptionBudget with maxUnavailable: 1 (an app with replicas.max > 1 gets one)",
                        WorkloadRules::disruptionBudgets),
                new Rule("workload.service-port", "workload", ERROR,
                        "every Service selecting rendered pods targets a container port, with port equal to it "
                                + "(the EKS network policy agent and the policies see the container's port)",
                        "give the Service port the container port's number",
                        WorkloadRules::servicePorts),
                new Rule("workload.no-token", "workload", ERROR,
                        "pods in project namespaces do not mount a Kubernetes API token",
                        "set automountServiceAccountToken: false in the pod spec",
                        view -> {
                            List<Violation> out = new ArrayList<>();
                            for (Template t : view.podTemplates()) {
                                if (view.projectNamespaces().containsKey(t.namespace())
                                        && !Boolean.FALSE.equals(t.spec().get("automountServiceAccountToken"))) {
                                    out.add(new Violation(t.describe(), "the pod spec mounts the ServiceAccount's "
                                            + "token (automountServiceAccountToken is not false)"));
                                }
                            }
                            return out;
                        }));
    }

    /** A rule with one violation per template that has problems, listing them. */
    private static Function<RenderView, List<Violation>> perTemplate(Function<Template, List<String>> problems) {
        return view -> {
            List<Violation> out = new ArrayList<>();
            for (Template t : view.podTemplates()) {
                List<String> found = problems.apply(t);
                if (!found.isEmpty()) {
                    out.add(new Violation(t.describe(), String.join("; ", found)));
                }
            }
            return out;
        };
    }

    private static List<String> probes(Template t) {
        List<String> out = new ArrayList<>();
        if (!t.longRunning()) {
            return out;
        }
        forEach(t, "containers", (path, c) -> {
            for (String probe : List.of("readinessProbe", "livenessProbe")) {
                if (Plain.map(c.get(probe)).isEmpty()) {
                    out.add(path + " has no " + probe);
                }
            }
        });
        return out;
    }

    private static List<String> resources(Template t) {
        List<String> out = new ArrayList<>();
        BiConsumer<String, Map<String, Object>> check = (path, c) -> {
            Map<String, Object> resources = Plain.map(c.get("resources"));
            for (String resource : List.of("cpu", "memory")) {
                String request = Plain.string(Plain.map(resources.get("requests")).get(resource));
                String limit = Plain.string(Plain.map(resources.get("limits")).get(resource));
                if (request == null) {
                    out.add(path + " requests no " + resource);
                }
                if (limit == null) {
                    out.add(path + " has no " + resource + " limit");
                }
                if (request != null && limit != null && Quantity.isValid(request)
                        && Quantity.isValid(limit)
                        && Quantity.parse(limit)
                        .compareTo(Quantity.parse(request)) < 0) {
                    out.add(path + " limits " + resource + " to " + limit + ", below its request " + request);
                }
            }
        };
        forEach(t, "initContainers", check);
        forEach(t, "containers", check);
        return out;
    }

    private static List<String> images(Template t, boolean reportTagsOnly) {
        List<String> out = new ArrayList<>();
        BiConsumer<String, Map<String, Object>> check = (path, c) -> {
            String image = Plain.string(c.get("image"));
            if (image == null) {
                return;
            }
            boolean digest = DIGEST.matcher(image).matches();
            boolean tag = TAG.matcher(image).matches() && !image.replaceAll("@.*$", "").endsWith(":latest");
            if (!reportTagsOnly && !digest && !tag) {
                out.add(path + " image " + image + " is not pinned (no digest, and no tag or the tag latest)");
            }
            if (reportTagsOnly && !digest && tag) {
                out.add(path + " image " + image + " is pinned by tag only");
            }
        };
        PodSecurityProfile.forEachContainer(t.spec(), PodSecurityProfile.CONTAINER_LISTS, check);
        return out;
    }

    private static List<Violation> disruptionBudgets(RenderView view) {
        List<Violation> out = new ArrayList<>();
        Map<String, List<RenderedResource>> budgets = new java.util.HashMap<>();
        for (RenderedResource budget : view.ofType(PDB)) {
            budgets.computeIfAbsent(RenderView.namespace(budget).orElse("default"), ns -> new ArrayList<>()).add(budget);
        }
        Map<String, RenderedResource> autoscalers = autoscalers(view);
        for (Template t : view.podTemplates()) {
            if (!t.kind().equals("Deployment") && !t.kind().equals("StatefulSet")) {
                continue;
            }
            int replicas = replicas(autoscalers, t);
            List<RenderedResource> selecting = budgets.getOrDefault(t.namespace(), List.of()).stream()
                    .filter(b -> selects(Plain.map(RenderView.spec(b).get("selector")), t.labels()))
                    .toList();
            if (replicas > 1 && selecting.isEmpty()) {
                out.add(new Violation(t.describe(), replicas + " replicas and no PodDisruptionBudget: a node drain "
                        + "may evict them all at once"));
            }
            for (RenderedResource budget : selecting) {
                Map<String, Object> spec = RenderView.spec(budget);
                Object maxUnavailable = spec.get("maxUnavailable");
                Object minAvailable = spec.get("minAvailable");
                boolean blocks = (maxUnavailable != null && List.of("0", "0%").contains(Plain.integer(maxUnavailable)))
                        || (minAvailable != null && (minAvailable.equals("100%")
                        || (!String.valueOf(minAvailable).endsWith("%")
                        && Integer.parseInt(Plain.integer(minAvailable)) >= replicas)));
                if (blocks) {
                    out.add(new Violation(RenderView.describe(budget), "forbids every eviction of "
                            + t.describe() + " (" + replicas + " replicas): node drains would never finish"));
                }
            }
        }
        return out;
    }

    /** The first autoscaler of each target, by {@code namespace/kind/name}. */
    private static Map<String, RenderedResource> autoscalers(RenderView view) {
        Map<String, RenderedResource> out = new java.util.HashMap<>();
        for (RenderedResource hpa : view.ofType(HPA)) {
            Map<String, Object> target = Plain.map(RenderView.spec(hpa).get("scaleTargetRef"));
            if (target.get("kind") instanceof String kind && target.get("name") instanceof String name) {
                out.putIfAbsent(RenderView.namespace(hpa).orElse("default") + "/" + kind + "/" + name, hpa);
            }
        }
        return out;
    }

    /** The replicas a workload runs with: an autoscaler's minimum, else {@code spec.replicas}, else 1. */
    private static int replicas(Map<String, RenderedResource> autoscalers, Template t) {
        RenderedResource hpa = autoscalers.get(t.namespace() + "/" + t.kind() + "/" + t.name());
        if (hpa != null) {
            Object min = RenderView.spec(hpa).get("minReplicas");
            return min == null ? 1 : Integer.parseInt(Plain.integer(min));
        }
        return t.replicas().orElse(1);
    }

    private static List<Violation> servicePorts(RenderView view) {
        List<Violation> out = new ArrayList<>();
        Map<String, List<Template>> templates = new java.util.HashMap<>();
        view.podTemplates().forEach(t -> templates.computeIfAbsent(t.namespace(), ns -> new ArrayList<>()).add(t));
        for (RenderedResource service : view.ofType(SERVICE)) {
            Map<String, Object> spec = RenderView.spec(service);
            Map<String, String> selector = new TreeMap<>();
            Plain.map(spec.get("selector")).forEach((k, v) -> selector.put(k, String.valueOf(v)));
            if (selector.isEmpty()) {
                continue;
            }
            String namespace = RenderView.namespace(service).orElse("default");
            for (Template t : templates.getOrDefault(namespace, List.of())) {
                if (!selector.entrySet().stream()
                        .allMatch(e -> e.getValue().equals(t.labels().get(e.getKey())))) {
                    continue;
                }
                Map<String, Integer> byName = new TreeMap<>();
                List<Integer> numbers = new ArrayList<>();
                forEach(t, "containers", (path, c) -> {
                    for (Object p : Plain.list(c.get("ports"))) {
                        Map<String, Object> port = Plain.map(p);
                        int number = Integer.parseInt(Plain.integer(port.get("containerPort")));
                        numbers.add(number);
                        Optional.ofNullable(Plain.string(port.get("name"))).ifPresent(n -> byName.put(n, number));
                    }
                });
                for (Object p : Plain.list(spec.get("ports"))) {
                    Map<String, Object> port = Plain.map(p);
                    String servicePort = Plain.integer(port.get("port"));
                    Object target = port.getOrDefault("targetPort", port.get("port"));
                    Integer container = target instanceof String s && !s.matches("[0-9]+") ? byName.get(s)
                            : Integer.valueOf(Plain.integer(target));
                    if (container == null || !numbers.contains(container)) {
                        out.add(new Violation(RenderView.describe(service), "port " + servicePort + " targets "
                                + target + ", which no container of " + t.describe() + " declares"));
                    } else if (!servicePort.equals(String.valueOf(container))) {
                        out.add(new Violation(RenderView.describe(service), "port " + servicePort
                                + " differs from the container port " + container + " of " + t.describe()));
                    }
                }
            }
        }
        return out;
    }

    /** Whether a label selector (matchLabels, matchExpressions) selects {@code labels}; an empty one selects all. */
    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        for (Map.Entry<String, Object> e : Plain.map(selector.get("matchLabels")).entrySet()) {
            if (!String.valueOf(e.getValue()).equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Object item : Plain.list(selector.get("matchExpressions"))) {
            Map<String, Object> expression = Plain.map(item);
            String key = Plain.string(expression.get("key"));
            List<String> values = Plain.strings(expression.get("values"));
            boolean has = labels.containsKey(key);
            boolean holds = switch (Plain.string(expression.get("operator"))) {
                case "In" -> has && values.contains(labels.get(key));
                case "NotIn" -> !has || !values.contains(labels.get(key));
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static void forEach(Template t, String list, BiConsumer<String, Map<String, Object>> check) {
        PodSecurityProfile.forEachContainer(t.spec(), List.of(list), check);
    }
}
