package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.naming.Labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared shape of Bulkhead's Kyverno ClusterPolicies: what they match (project namespaces), how a validate
 * rule fails (Enforce, set per rule as Kyverno 1.13+ expects; the policy-wide {@code validationFailureAction} is
 * deprecated), and the labels every generated policy carries.
 */
public final class Kyverno {

    public static final String API_VERSION = "kyverno.io/v1";
    public static final String KIND = "ClusterPolicy";
    public static final String ENFORCE = "Enforce";
    public static final Map<String, String> LABELS = Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE,
            Labels.COMPONENT, Labels.COMPONENT_PLATFORM);
    private static final List<String> WRITES = List.of("CREATE", "UPDATE");

    private Kyverno() {
    }

    /** A ClusterPolicy that validates on admission and reports on existing objects in the background. */
    public static Manifest clusterPolicy(String name, List<Map<String, Object>> rules) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("background", true);
        spec.put("rules", rules);
        return new Manifest(API_VERSION, KIND, name, null, LABELS, Map.of("spec", spec), false);
    }

    /**
     * Every namespace of every project, gateway namespaces included: the selector all project rules share.
     */
    public static Map<String, Object> projectNamespaces() {
        return Map.of("matchExpressions", List.of(exists(Labels.PROJECT)));
    }

    /**
     * The namespaces where tenants run workloads: project namespaces except the platform-managed gateway and
     * egress namespaces, whose pods istiod deploys from Istio's own images and templates.
     */
    public static Map<String, Object> workloadNamespaces() {
        return Map.of("matchExpressions", List.of(exists(Labels.PROJECT), Map.of("key", Labels.ROLE,
                "operator", "NotIn", "values", List.of(Labels.ROLE_GATEWAY, Labels.ROLE_EGRESS))));
    }

    /** Matches creates and updates of {@code kinds} in the namespaces {@code namespaceSelector} selects. */
    public static Map<String, Object> match(List<String> kinds, Map<String, Object> namespaceSelector) {
        return Map.of("any", List.of(Map.of("resources", Map.of(
                "kinds", kinds,
                "operations", WRITES,
                "namespaceSelector", namespaceSelector))));
    }

    /** Pods in workload namespaces; Kyverno extends a Pod rule to Deployments, Jobs and the like itself. */
    public static Map<String, Object> workloadPods() {
        return match(List.of("Pod"), workloadNamespaces());
    }

    /** A rule that rejects what does not match {@code pattern}. */
    public static Map<String, Object> patternRule(String name, Map<String, Object> match, String message,
                                                  Map<String, Object> pattern) {
        return rule(name, match, Map.of("failureAction", ENFORCE, "message", message, "pattern", pattern));
    }

    /** A rule that rejects when any of {@code conditions} holds. */
    public static Map<String, Object> denyRule(String name, Map<String, Object> match, String message,
                                               List<Map<String, Object>> conditions) {
        return rule(name, match, Map.of("failureAction", ENFORCE, "message", message,
                "deny", Map.of("conditions", Map.of("any", conditions))));
    }

    public static Map<String, Object> rule(String name, Map<String, Object> match, Map<String, Object> validate) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", name);
        rule.put("match", match);
        rule.put("validate", validate);
        return rule;
    }

    /** A rule on tenant pods ({@link #tenantPodRule}) that rejects what does not match {@code pattern}. */
    public static Map<String, Object> tenantPodPattern(String name, String message, Map<String, Object> pattern) {
        return tenantPodRule(name, Map.of("failureAction", ENFORCE, "message", message, "pattern", pattern));
    }

    /** A rule on tenant pods: the pods of workload namespaces, except the waypoints istiod deploys there. */
    public static Map<String, Object> tenantPodRule(String name, Map<String, Object> validate) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", name);
        rule.put("match", workloadPods());
        rule.put("exclude", istioProxies());
        rule.put("validate", validate);
        return rule;
    }

    /**
     * The waypoints istiod deploys into a project's own namespaces, from Istio's image and template: pods (and the
     * Deployments Kyverno extends the rule to) labelled with the Gateway they serve. Only istiod can create such a
     * pod or workload there: the platform's admission guard refuses the label to every tenant.
     */
    static Map<String, Object> istioProxies() {
        return Map.of("any", List.of(Map.of("resources", Map.of("selector", Map.of("matchExpressions",
                List.of(exists(Ambient.PROXY_POD_LABEL)))))));
    }

    /** The pattern {@code pattern} applied to every container, init container and ephemeral container. */
    public static Map<String, Object> everyContainer(Map<String, Object> pattern) {
        return Map.of("spec", Map.of(
                "containers", List.of(pattern),
                "=(initContainers)", List.of(pattern),
                "=(ephemeralContainers)", List.of(pattern)));
    }

    public static Map<String, Object> condition(String key, String operator, Object value) {
        return Map.of("key", key, "operator", operator, "value", value);
    }

    private static Map<String, Object> exists(String key) {
        return Map.of("key", key, "operator", "Exists");
    }
}
