package dev.bulkhead.check.authority;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One write the API server would admit or refuse: who sends it, what it does to which object, and the labels of the
 * namespace it lands in. {@link #celNames()} gives it to CEL as an admission policy sees it.
 *
 * @param identity        who sends it
 * @param operation       {@code CREATE}, {@code UPDATE} or {@code DELETE}
 * @param group           API group ({@code ""} for core)
 * @param version         API version
 * @param resource        plural resource, e.g. {@code networkpolicies}
 * @param kind            kind, e.g. {@code NetworkPolicy}
 * @param namespace       the object's namespace; null for cluster-scoped objects
 * @param name            the object's name
 * @param object          the object after the write; null for a delete
 * @param oldObject       the object before the write; null for a create
 * @param namespaceLabels labels of {@code namespace}; empty for cluster-scoped objects
 */
public record AdmissionRequest(Identity identity, String operation, String group, String version, String resource,
                               String kind, String namespace, String name, Map<String, Object> object,
                               Map<String, Object> oldObject, Map<String, String> namespaceLabels) {

    public AdmissionRequest {
        namespaceLabels = Map.copyOf(namespaceLabels);
    }

    /** The same request sent by someone else. */
    public AdmissionRequest as(Identity other) {
        return new AdmissionRequest(other, operation, group, version, resource, kind, namespace, name, object,
                oldObject, namespaceLabels);
    }

    /** {@code request}, {@code object}, {@code oldObject} and {@code namespaceObject}, as CEL reads them. */
    Map<String, Object> celNames() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("operation", operation);
        request.put("userInfo", userInfo(identity));
        request.put("resource", Map.of("group", group, "version", version, "resource", resource));
        request.put("kind", Map.of("group", group, "version", version, "kind", kind));
        request.put("name", name);
        if (namespace != null) {
            request.put("namespace", namespace);
        }
        Map<String, Object> names = new HashMap<>();
        names.put("request", request);
        names.put("object", object);
        names.put("oldObject", oldObject);
        names.put("namespaceObject", namespace == null ? null
                : Map.of("metadata", Map.of("name", namespace, "labels", namespaceLabels)));
        return names;
    }

    /** {@code request.userInfo} of {@code identity}'s requests. */
    static Map<String, Object> userInfo(Identity identity) {
        return Map.of("username", identity.username(), "groups", identity.groups());
    }

    /** The labels of the object a namespace selector of a policy on Namespaces is matched against. */
    Map<String, String> objectLabels() {
        Map<String, Object> source = object != null ? object : oldObject;
        if (source != null && source.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("labels") instanceof Map<?, ?> labels) {
            Map<String, String> out = new HashMap<>();
            labels.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
            return out;
        }
        return Map.of();
    }

    /** {@code "<operation> <kind> <namespace>/<name>"}, for findings. */
    public String describe() {
        return operation + " " + kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }

    static List<String> operations() {
        return List.of("CREATE", "UPDATE", "DELETE");
    }
}
