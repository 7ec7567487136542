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
    private final Map<String, Object> match;
    private final Map<String, Object> bindingMatch;
    private final Map<String, String> conditions = new LinkedHashMap<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> validations = new ArrayList<>();
    private final String unusable;

    ValidatingPolicy(String name, Map<String, Object> spec, Map<String, Object> bindingSpec) {
        this.name = name;
        this.match = map(spec.get("matchConstraints"));
        this.bindingMatch = bindingSpec.get("matchResources") == null ? null : map(bindingSpec.get("matchResources"));
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
        if (!matches(match, request) || bindingMatch != null && !matches(bindingMatch, request)) {
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

    private static boolean matches(Map<String, Object> constraints, AdmissionRequest request) {
        boolean ruled = list(constraints.get("resourceRules")).stream().anyMatch(r -> rule(map(r), request));
        boolean excluded = list(constraints.get("excludeResourceRules")).stream().anyMatch(r -> rule(map(r), request));
        if (!ruled || excluded) {
            return false;
        }
        Object namespaceSelector = constraints.get("namespaceSelector");
        if (request.resource().equals("namespaces") && request.group().isEmpty()) {
            if (!Selectors.matches(namespaceSelector, request.objectLabels())) {
                return false;
            }
        } else if (request.namespace() != null && !Selectors.matches(namespaceSelector, request.namespaceLabels())) {
            return false;
        }
        return Selectors.matches(constraints.get("objectSelector"), request.objectLabels());
    }

    private static boolean rule(Map<String, Object> rule, AdmissionRequest request) {
        return anyOf(rule.get("apiGroups"), request.group())
                && anyOf(rule.get("apiVersions"), request.version())
                && anyOf(rule.get("operations"), request.operation())
                && (anyOf(rule.get("resources"), request.resource())
                        || strings(rule.get("resources")).contains("*/*"))
                && (strings(rule.get("resourceNames")).isEmpty()
                        || strings(rule.get("resourceNames")).contains(request.name()))
                && scope(rule.get("scope"), request);
    }

    private static boolean scope(Object scope, AdmissionRequest request) {
        if (scope == null || "*".equals(scope)) {
            return true;
        }
        return "Namespaced".equals(scope) == (request.namespace() != null);
    }

    private static boolean anyOf(Object values, String value) {
        List<String> list = strings(values);
        return list.contains("*") || list.contains(value);
    }

}
