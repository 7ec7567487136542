package dev.bulkhead.check;

import com.google.gson.JsonObject;
import dev.bulkhead.intent.Intent;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.netpol.NetworkPolicyEvaluator;
import dev.bulkhead.render.JsonValues;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A render as the rules read it: its resources indexed once by type, by kind and by namespace, the Kubernetes
 * objects' metadata, and the config's {@link Intent}. Built from {@code resources.json} and {@code intent.json}
 * alone, so it judges a render edited by hand exactly as one the program wrote.
 */
public final class RenderView {

    public static final String NAMESPACE = "kubernetes:core/v1:Namespace";
    public static final String NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    public static final String PROJECT_LABEL = Labels.PROJECT;
    public static final String ROLE_LABEL = Labels.ROLE;
    public static final String COMPONENT_LABEL = Labels.COMPONENT;

    private final List<RenderedResource> resources;
    private final Optional<Intent> intent;
    private final Map<String, List<RenderedResource>> byType = new LinkedHashMap<>();
    private final Map<String, List<RenderedResource>> byKind = new LinkedHashMap<>();
    private final Map<String, List<RenderedResource>> byKindAndNamespace = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> namespaceLabels = new TreeMap<>();
    private Connectivity connectivity;
    private NetworkPolicyEvaluator evaluator;
    private MeshAuthorization mesh;
    private Workloads workloads;
    private Map<String, String> projectNamespaces;
    private List<PodTemplates.Template> podTemplates;

    /** A view for the rules and {@code reach}: {@code intent} is what the render's config declared. */
    public RenderView(List<RenderedResource> resources, Intent intent) {
        this(resources, Optional.of(intent));
    }

    /**
     * A view without the config's intent: enough for the evaluator and {@code reach}, not for {@code check}.
     *
     * @throws IllegalArgumentException when a Kubernetes object's labels or annotations are not a mapping of strings:
     *                                  rules that select by label would otherwise read them as absent, and pass
     */
    public RenderView(List<RenderedResource> resources) {
        this(resources, Optional.empty());
    }

    private RenderView(List<RenderedResource> resources, Optional<Intent> intent) {
        this.resources = List.copyOf(resources);
        this.intent = intent;
        for (RenderedResource r : this.resources) {
            byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
            if (r.type().startsWith("kubernetes:")) {
                labels(r);
                annotations(r);
                String kind = r.type().substring(r.type().lastIndexOf(':') + 1);
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(r);
                namespace(r).ifPresent(ns -> byKindAndNamespace.computeIfAbsent(kind + " " + ns,
                        k -> new ArrayList<>()).add(r));
            }
        }
        for (RenderedResource r : ofType(NAMESPACE)) {
            namespaceLabels.put(name(r), labels(r));
        }
    }

    public List<RenderedResource> resources() {
        return resources;
    }

    /** What the render's config declared; absent for a view built without {@code intent.json}. */
    public Optional<Intent> intent() {
        return intent;
    }

    /** Resources that are not components: what {@code render}'s summary counts as resources. */
    public long resourceCount() {
        return resources.stream().filter(r -> !r.isComponent()).count();
    }

    public List<RenderedResource> ofType(String type) {
        return Collections.unmodifiableList(byType.getOrDefault(type, List.of()));
    }

    /** Kubernetes objects of {@code kind} (any API group), e.g. {@code AuthorizationPolicy}. */
    public List<RenderedResource> kind(String kind) {
        return Collections.unmodifiableList(byKind.getOrDefault(kind, List.of()));
    }

    /** Kubernetes objects of {@code kind} in {@code namespace}. */
    public List<RenderedResource> kind(String kind, String namespace) {
        return Collections.unmodifiableList(byKindAndNamespace.getOrDefault(kind + " " + namespace, List.of()));
    }

    /** Labels of every rendered namespace, by name. */
    public Map<String, Map<String, String>> namespaceLabels() {
        return namespaceLabels;
    }

    /**
     * Project namespaces, mapped to their project, sorted by name: those the config declares (gateway namespaces
     * included) and, so that nothing escapes the rules, any rendered namespace carrying the project label.
     */
    public synchronized Map<String, String> projectNamespaces() {
        if (projectNamespaces == null) {
            projectNamespaces = Collections.unmodifiableMap(findProjectNamespaces());
        }
        return projectNamespaces;
    }

    private Map<String, String> findProjectNamespaces() {
        Map<String, String> out = new TreeMap<>();
        namespaceLabels.forEach((ns, labels) -> {
            if (labels.containsKey(PROJECT_LABEL)) {
                out.put(ns, labels.get(PROJECT_LABEL));
            }
        });
        intent.ifPresent(i -> i.projects().forEach(p -> {
            p.namespaces().forEach(ns -> out.put(ns, p.name()));
            p.gatewayNamespace().ifPresent(ns -> out.put(ns, p.name()));
        }));
        out.keySet().retainAll(namespaceLabels.keySet());
        return out;
    }

    /** Namespaces with {@code bulkhead.dev/role} = {@code role}. */
    public List<String> namespacesWithRole(String role) {
        return namespaceLabels.entrySet().stream().filter(e -> role.equals(e.getValue().get(ROLE_LABEL)))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The NetworkPolicy evaluator over every rendered NetworkPolicy and namespace, built once: reading the render
     * validates it, and the rules and {@code reach} then use the same one.
     */
    public synchronized NetworkPolicyEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = buildEvaluator();
        }
        return evaluator;
    }

    private NetworkPolicyEvaluator buildEvaluator() {
        List<JsonObject> policies = new ArrayList<>();
        for (RenderedResource r : ofType(NETWORK_POLICY)) {
            policies.add(JsonValues.toJson(r.inputs()).getAsJsonObject());
        }
        return new NetworkPolicyEvaluator(policies, namespaceLabels);
    }

    /** Istio's authorization over the render's policies, built once. */
    public synchronized MeshAuthorization mesh() {
        if (mesh == null) {
            mesh = new MeshAuthorization(this);
        }
        return mesh;
    }

    /** The pod templates of the render's workloads, read once. */
    public synchronized Workloads workloads() {
        if (workloads == null) {
            workloads = Workloads.of(this);
        }
        return workloads;
    }

    /** Every pod template of the render, read once. */
    synchronized List<PodTemplates.Template> podTemplates() {
        if (podTemplates == null) {
            podTemplates = PodTemplates.of(this);
        }
        return podTemplates;
    }

    /** The connectivity matrix, computed once; needs the config's intent. */
    public synchronized Connectivity connectivity() {
        if (connectivity == null) {
            connectivity = Connectivity.of(this);
        }
        return connectivity;
    }

    /** {@code metadata.name} of a Kubernetes object, or the resource's logical name. */
    public static String name(RenderedResource r) {
        return metadata(r).map(m -> m.get("name")).map(String::valueOf).orElse(r.name());
    }

    public static Optional<String> namespace(RenderedResource r) {
        return metadata(r).map(m -> m.get("namespace")).map(String::valueOf);
    }

    /** {@code namespace/name} of a namespaced object, {@code name} otherwise. */
    public static String id(RenderedResource r) {
        return namespace(r).map(ns -> ns + "/" + name(r)).orElse(name(r));
    }

    /** How a finding names a resource: its Kubernetes {@code namespace/name} or logical name, and its type. */
    public static String describe(RenderedResource r) {
        String shortType = r.type().substring(r.type().lastIndexOf(':') + 1);
        return (r.type().startsWith("kubernetes:") ? id(r) : r.name()) + " (" + shortType + ")";
    }

    public static Map<String, String> labels(RenderedResource r) {
        return stringMap(r, "labels");
    }

    public static Map<String, String> annotations(RenderedResource r) {
        return stringMap(r, "annotations");
    }

    /** A Kubernetes object's {@code spec}, empty when it has none. */
    public static Map<String, Object> spec(RenderedResource r) {
        return Plain.map(r.inputs().get("spec"));
    }

    private static Optional<Map<String, Object>> metadata(RenderedResource r) {
        Object m = r.inputs().get("metadata");
        return m instanceof Map<?, ?> ? Optional.of(Plain.map(m)) : Optional.empty();
    }

    private static Map<String, String> stringMap(RenderedResource r, String field) {
        Object value = metadata(r).map(m -> m.get(field)).orElse(null);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof Map<?, ?> map) || !map.values().stream().allMatch(v -> v instanceof String)) {
            throw new IllegalArgumentException(r.urn() + ": metadata." + field + " must map names to strings, not "
                    + value);
        }
        map.forEach((k, v) -> out.put(String.valueOf(k), (String) v));
        return out;
    }
}
