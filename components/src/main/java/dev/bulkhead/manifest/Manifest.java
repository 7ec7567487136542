package dev.bulkhead.manifest;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One Kubernetes object as plain, deeply immutable data: maps, lists, strings, integers and booleans. Maps are kept
 * sorted by key and lists in the order written, so the same generator input always renders the same bytes whatever
 * kind of map the generator used. {@code body} holds the top-level fields other than apiVersion, kind and metadata (usually just
 * {@code spec}).
 *
 * @param namespace null for cluster-scoped objects
 * @param patch       true when the object already exists (Kubernetes made it) and is to be patched, not created
 * @param annotations metadata annotations; Bulkhead uses them to mark what config declared (an export, an
 *                    explicit allow-any), so a render can be judged from its objects alone
 */
public record Manifest(
        String apiVersion,
        String kind,
        String name,
        @Nullable String namespace,
        Map<String, String> labels,
        Map<String, Object> body,
        boolean patch,
        Map<String, String> annotations) {

    public Manifest {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        for (String reserved : List.of("apiVersion", "kind", "metadata")) {
            if (body.containsKey(reserved)) {
                throw new IllegalArgumentException(kind + " " + name + ": '" + reserved + "' is not part of the body");
            }
        }
        body = deepCopy(body);
    }

    /** An object without annotations. */
    public Manifest(String apiVersion, String kind, String name, @Nullable String namespace, Map<String, String> labels,
                    Map<String, Object> body, boolean patch) {
        this(apiVersion, kind, name, namespace, labels, body, patch, Map.of());
    }

    /** This object with {@code more} annotations added. */
    public Manifest withAnnotations(Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(annotations);
        all.putAll(more);
        return new Manifest(apiVersion, kind, name, namespace, labels, body, patch, all);
    }

    /** This object with {@code more} labels added. */
    public Manifest withLabels(Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(labels);
        all.putAll(more);
        return new Manifest(apiVersion, kind, name, namespace, all, body, patch, annotations);
    }

    /** A namespaced object to create, whose body is {@code spec: <spec>}. */
    public static Manifest namespaced(String apiVersion, String kind, String namespace, String name,
                                      Map<String, String> labels, Map<String, Object> spec) {
        return new Manifest(apiVersion, kind, name, Objects.requireNonNull(namespace, "namespace"), labels,
                Map.of("spec", spec), false);
    }

    /** The object's {@code spec}; empty when it has none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> spec() {
        Object spec = body.get("spec");
        return spec == null ? Map.of() : (Map<String, Object>) spec;
    }

    /** {@code <namespace>/<kind>/<name>}, or {@code <kind>/<name>} when cluster-scoped: unique in a cluster. */
    public String id() {
        return (namespace == null ? "" : namespace + "/") + kind + "/" + name;
    }

    /** The whole object as Kubernetes would read it (apiVersion, kind, metadata, then the body). */
    public Map<String, Object> toMap() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        if (!labels.isEmpty()) {
            metadata.put("labels", labels);
        }
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", Collections.unmodifiableMap(metadata));
        object.putAll(body);
        return Collections.unmodifiableMap(object);
    }

    private static Map<String, Object> deepCopy(Map<?, ?> map) {
        Map<String, Object> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put((String) Objects.requireNonNull(key, "null key"), copyValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copyValue(item)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof String || value instanceof Integer || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("a manifest holds maps, lists, strings, integers and booleans, not "
                + (value == null ? "null" : value.getClass().getName()));
    }
}
