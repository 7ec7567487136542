package dev.bulkhead.check.authority;

import dev.bulkhead.check.authority.cel.CelException;
import dev.bulkhead.check.authority.cel.CelExpression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.check.authority.Values.list;
import static dev.bulkhead.check.authority.Values.map;
import static dev.bulkhead.check.authority.Values.strings;

/**
 * A {@code ValidatingAdmissionPolicy} with a binding that denies, as the API server applies it: match constraints
 * (resource rules, exclusions, namespace and object selectors), the binding's own match resources, match
 * conditions, variables, then every validation. An expression this cannot evaluate, a parameterised policy, and a
 * match condition that cannot be decided make the policy guard nothing here: the check never counts on a guard it
 * cannot run.
 */
final class ValidatingPolicy {

    private final String name;
    private final Constraints match;
    private final Constraints bindingMatch;
    private final Map<String, String> conditions = new LinkedHashMap<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> validations = new ArrayList<>();
    private final String unusable;

    ValidatingPolicy(String name, Map<String, Object> spec, Map<String, Object> bindingSpec) {
        this.name = name;
        this.match = Constraints.of(map(spec.get("matchConstraints")));
        this.bindingMatch = bindingSpec.get("matchResources") == null ? null
                : Constraints.of(map(bindingSpec.get("matchResources")));
        for (Object c : list(spec.get("matchConditions"))) {
            conditions.put(String.valueOf(map(c).get("name")), String.valueOf(map(c).get("expression")));
        }
        for (Object v : list(spec.get("variables"))) {
            variables.put(String.valueOf(map(v).get("name")), String.valueOf(map(v).get("expression")));
        }
        for (Object v : list(spec.get("validations"))) {
            validations.add(Map.entry(String.valueOf(map(v).get("expression")),
                    map(v).get("message") == null ? "refused" : String.valueOf(map(v).get("message"))));
        }
        String problem = null;
        if (spec.get("paramKind") != null || bindingSpec.get("paramRef") != null) {
            problem = "takes parameters";
        } else if (!strings(bindingSpec.get("validationActions")).contains("Deny")) {
            problem = "its binding does not deny";
        } else if (spec.get("auditAnnotations") != null && validations.isEmpty()) {
            problem = "only annotates";
        }
        this.unusable = problem;
    }

    String name() {
        return name;
    }

    /** Every CEL expression of the policy: match conditions, variables, validations. */
    List<String> expressions() {
        List<String> all = new ArrayList<>(conditions.values());
        all.addAll(variables.values());
        validations.forEach(v -> all.add(v.getKey()));
        return all;
    }

    /**
     * Adds this policy's verdict on {@code request} to {@code refusedBy} or {@code unevaluated}; adds nothing when
     * the policy does not apply or admits.
     */
    void judge(AdmissionRequest request, List<String> refusedBy, List<String> unevaluated) {
        if (!match.matches(request) || bindingMatch != null && !bindingMatch.matches(request)) {
            return;
        }
        if (unusable != null) {
            unevaluated.add(name + ": " + unusable);
            return;
        }
        Map<String, Object> names = new HashMap<>(request.celNames());
        for (var condition : conditions.entrySet()) {
            try {
                if (!CelCache.compile(condition.getValue()).test(names)) {
                    return;
                }
            } catch (CelException e) {
                unevaluated.add(name + ": match condition " + condition.getKey() + ": " + e.getMessage());
                return;
            }
        }
        names.put("variables", variables(names));
        for (var validation : validations) {
            try {
                if (!CelCache.compile(validation.getKey()).test(names)) {
                    refusedBy.add(name + ": " + validation.getValue());
                }
            } catch (CelException e) {
                unevaluated.add(name + ": " + e.getMessage());
            }
        }
    }

    /** The policy's variables, each computed once when first read, in the names they may read. */
    private Map<String, Object> variables(Map<String, Object> names) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Object> computed = new HashMap<>();
        for (var variable : variables.entrySet()) {
            values.put(variable.getKey(), (CelExpression.Lazy) () -> {
                if (!computed.containsKey(variable.getKey())) {
                    computed.put(variable.getKey(), CelCache.compile(variable.getValue()).evaluate(names));
                }
                return computed.get(variable.getKey());
            });
        }
        return values;
    }

    /** Match constraints (or a binding's match resources), read once. */
    private record Constraints(List<ResourceRule> rules, List<ResourceRule> excluded, Object namespaceSelector,
                               Object objectSelector) {

        static Constraints of(Map<String, Object> constraints) {
            return new Constraints(list(constraints.get("resourceRules")).stream().map(ResourceRule::of).toList(),
                    list(constraints.get("excludeResourceRules")).stream().map(ResourceRule::of).toList(),
                    constraints.get("namespaceSelector"), constraints.get("objectSelector"));
        }

        boolean matches(AdmissionRequest request) {
            if (rules.stream().noneMatch(r -> r.matches(request)) || excluded.stream().anyMatch(r -> r.matches(request))) {
                return false;
            }
            if (request.resource().equals("namespaces") && request.group().isEmpty()) {
                if (!Selectors.matches(namespaceSelector, request.objectLabels())) {
                    return false;
                }
            } else if (request.namespace() != null && !Selectors.matches(namespaceSelector, request.namespaceLabels())) {
                return false;
            }
            return objectSelector == null || Selectors.matches(objectSelector, request.objectLabels());
        }
    }

    /** A resource rule, read once: {@code *} matches any value, {@code *}{@code /*} any resource. */
    private record ResourceRule(List<String> groups, List<String> versions, List<String> operations,
                                List<String> resources, List<String> names, Object scope) {

        static ResourceRule of(Object value) {
            Map<String, Object> rule = map(value);
            return new ResourceRule(strings(rule.get("apiGroups")), strings(rule.get("apiVersions")),
                    strings(rule.get("operations")), strings(rule.get("resources")),
                    strings(rule.get("resourceNames")), rule.get("scope"));
        }

        boolean matches(AdmissionRequest request) {
            return anyOf(groups, request.group())
                    && anyOf(versions, request.version())
                    && anyOf(operations, request.operation())
                    && (anyOf(resources, request.resource()) || resources.contains("*/*"))
                    && (names.isEmpty() || names.contains(request.name()))
                    && scope(request);
        }

        private boolean scope(AdmissionRequest request) {
            if (scope == null || "*".equals(scope)) {
                return true;
            }
            return "Namespaced".equals(scope) == (request.namespace() != null);
        }

        private static boolean anyOf(List<String> values, String value) {
            return values.contains("*") || values.contains(value);
        }
    }
}
