package dev.bulkhead.platform.guards;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.naming.Labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One guard of the perimeter: a {@code ValidatingAdmissionPolicy} and the binding that makes it refuse
 * ({@code validationActions: [Deny]}). The API server evaluates it in-process, so it cannot fail open when a webhook
 * pod is down; {@code failurePolicy: Fail} makes an expression that errors refuse the request too.
 *
 * @param name    the policy's and the binding's name
 * @param policy  the ValidatingAdmissionPolicy
 * @param binding its ValidatingAdmissionPolicyBinding
 */
public record AdmissionGuard(String name, Manifest policy, Manifest binding) {

    public static final String API_VERSION = "admissionregistration.k8s.io/v1";
    public static final String POLICY_KIND = "ValidatingAdmissionPolicy";
    public static final String BINDING_KIND = "ValidatingAdmissionPolicyBinding";
    public static final List<String> WRITES = List.of("CREATE", "UPDATE");
    public static final List<String> WRITES_AND_DELETES = List.of("CREATE", "UPDATE", "DELETE");

    /** Labels on every guard. */
    public static Map<String, String> labels() {
        return Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE, Labels.COMPONENT, Labels.COMPONENT_PLATFORM);
    }

    /**
     * A guard.
     *
     * @param match       the policy's {@code matchConstraints}
     * @param conditions  its {@code matchConditions} (name to expression), possibly none
     * @param variables   its {@code variables} (name to expression), in order
     * @param validations its {@code validations} (expression to message), in order
     */
    public static AdmissionGuard of(String name, Map<String, Object> match, Map<String, String> conditions,
                                    Map<String, String> variables, Map<String, String> validations) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("failurePolicy", "Fail");
        spec.put("matchConstraints", match);
        if (!conditions.isEmpty()) {
            spec.put("matchConditions", named(conditions, "name", "expression"));
        }
        if (!variables.isEmpty()) {
            spec.put("variables", named(variables, "name", "expression"));
        }
        spec.put("validations", validations.entrySet().stream().map(v -> Map.<String, Object>of(
                "expression", v.getKey(), "message", v.getValue(), "reason", "Forbidden")).toList());
        Manifest policy = new Manifest(API_VERSION, POLICY_KIND, name, null, labels(), Map.of("spec", spec), false);
        Manifest binding = new Manifest(API_VERSION, BINDING_KIND, name, null, labels(), Map.of("spec", Map.of(
                "policyName", name, "validationActions", List.of("Deny"))), false);
        return new AdmissionGuard(name, policy, binding);
    }

    /** {@code matchConstraints} over {@code rules}, in the namespaces {@code namespaceSelector} selects (or all). */
    public static Map<String, Object> match(List<Map<String, Object>> rules, Map<String, Object> namespaceSelector) {
        Map<String, Object> match = new LinkedHashMap<>();
        if (!namespaceSelector.isEmpty()) {
            match.put("namespaceSelector", namespaceSelector);
        }
        match.put("resourceRules", rules);
        return match;
    }

    /** A resource rule: {@code resources} of {@code group}, any version, for {@code operations}. */
    public static Map<String, Object> rule(String group, List<String> resources, List<String> operations) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("apiGroups", List.of(group));
        rule.put("apiVersions", List.of("*"));
        rule.put("resources", resources);
        rule.put("operations", operations);
        return rule;
    }

    /** Namespaces labelled with a project: every tenant namespace and every project's gateway namespace. */
    public static Map<String, Object> projectNamespaces() {
        return Map.of("matchExpressions", List.of(Map.of("key", Labels.PROJECT, "operator", "Exists")));
    }

    /** Every guard manifest, the policy then its binding. */
    public List<Manifest> manifests() {
        return List.of(policy, binding);
    }

    private static List<Map<String, Object>> named(Map<String, String> entries, String key, String value) {
        return entries.entrySet().stream().map(e -> Map.<String, Object>of(key, e.getKey(), value, e.getValue()))
                .toList();
    }
}
