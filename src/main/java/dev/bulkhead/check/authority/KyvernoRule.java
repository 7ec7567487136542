package dev.bulkhead.check.authority;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static dev.bulkhead.check.authority.Values.map;
import static dev.bulkhead.check.authority.Values.maps;
import static dev.bulkhead.check.authority.Values.strings;

/**
 * One Kyverno ClusterPolicy rule of the one shape evaluated here: an enforced {@code validate.deny} whose conditions
 * test only the request's operation, matched by kinds, operations and a namespace selector, with subjects excluded
 * by name (wildcards allowed). Such a rule refuses a kind to everyone but the excluded subjects. Any other rule
 * (patterns, JMESPath over the object, preconditions, {@code match.all}) is not evaluated, and so guards nothing
 * here.
 */
final class KyvernoRule {

    private static final String OPERATION = "{{ request.operation }}";
    /** Each subject pattern as a regular expression, compiled once. */
    private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

    private final String name;
    private final List<Resources> matches;
    private final List<Map<String, Object>> excludedSubjects;
    private final String anyOrAll;
    private final List<Map<String, Object>> conditions;
    private final String message;

    private KyvernoRule(String name, List<Resources> matches, List<Map<String, Object>> excludedSubjects,
                        String anyOrAll, List<Map<String, Object>> conditions, String message) {
        this.name = name;
        this.matches = matches;
        this.excludedSubjects = excludedSubjects;
        this.anyOrAll = anyOrAll;
        this.conditions = conditions;
        this.message = message;
    }

    /** The rule, if it has the evaluated shape; null otherwise. */
    static KyvernoRule of(String policy, Map<String, Object> policySpec, Map<String, Object> rule) {
        Map<String, Object> validate = map(rule.get("validate"));
        String action = String.valueOf(validate.getOrDefault("failureAction",
                policySpec.getOrDefault("validationFailureAction", "Audit")));
        Map<String, Object> deny = map(validate.get("deny"));
        if (!action.equalsIgnoreCase("Enforce") || deny.isEmpty() || rule.get("preconditions") != null
                || map(rule.get("match")).get("all") != null || map(rule.get("exclude")).get("all") != null) {
            return null;
        }
        Object conditionBlock = deny.get("conditions");
        String anyOrAll;
        List<Map<String, Object>> conditions;
        if (conditionBlock instanceof Map<?, ?> block && block.size() == 1
                && (block.containsKey("any") || block.containsKey("all"))) {
            anyOrAll = block.containsKey("any") ? "any" : "all";
            conditions = maps(block.get(anyOrAll));
        } else if (conditionBlock instanceof List<?>) {
            anyOrAll = "all";
            conditions = maps(conditionBlock);
        } else {
            return null;
        }
        for (Map<String, Object> condition : conditions) {
            if (!OPERATION.equals(String.valueOf(condition.get("key")).trim())) {
                return null;
            }
        }
        List<Resources> matches = new ArrayList<>();
        for (Map<String, Object> any : maps(map(rule.get("match")).get("any"))) {
            matches.add(Resources.of(map(any.get("resources"))));
        }
        if (matches.isEmpty() && map(rule.get("match")).get("resources") != null) {
            matches.add(Resources.of(map(map(rule.get("match")).get("resources"))));
        }
        List<Map<String, Object>> excluded = new ArrayList<>();
        for (Map<String, Object> any : maps(map(rule.get("exclude")).get("any"))) {
            if (any.keySet().stream().anyMatch(k -> !k.equals("subjects"))) {
                return null;
            }
            excluded.addAll(maps(any.get("subjects")));
        }
        return new KyvernoRule(policy + "/" + rule.get("name"), matches, excluded, anyOrAll, conditions,
                String.valueOf(validate.getOrDefault("message", "refused")));
    }

    /** {@code "<policy>/<rule>: <message>"} when the rule refuses {@code request}, null otherwise. */
    String refusal(AdmissionRequest request) {
        if (matches.stream().noneMatch(m -> m.matches(request))) {
            return null;
        }
        if (excludedSubjects.stream().anyMatch(s -> excludes(s, request.identity()))) {
            return null;
        }
        boolean any = anyOrAll.equals("any");
        boolean result = !any;
        for (Map<String, Object> condition : conditions) {
            boolean holds = holds(condition, request.operation());
            result = any ? result || holds : result && holds;
        }
        return result ? name + ": " + message : null;
    }

    /** Which of the rule's excluded subjects {@code identity} is, one flag per subject: all it sees of who asks. */
    List<Boolean> excluding(Identity identity) {
        return excludedSubjects.stream().map(s -> excludes(s, identity)).toList();
    }

    /** One {@code match.any[].resources} block, read once. */
    private record Resources(List<String> kinds, List<String> operations, Object namespaceSelector,
                             List<String> namespaces) {

        static Resources of(Map<String, Object> resources) {
            return new Resources(strings(resources.get("kinds")), strings(resources.get("operations")),
                    resources.get("namespaceSelector"), strings(resources.get("namespaces")));
        }

        boolean matches(AdmissionRequest request) {
            boolean kind = kinds.contains(request.kind()) || kinds.contains("*");
            boolean operation = operations.isEmpty() ? !request.operation().equals("DELETE")
                    : operations.contains(request.operation());
            boolean namespace = request.namespace() == null || Selectors.matches(namespaceSelector,
                    request.namespaceLabels());
            boolean named = namespaces.isEmpty() || request.namespace() != null && namespaces.contains(request.namespace());
            return kind && operation && namespace && named;
        }
    }

    private static boolean excludes(Map<String, Object> subject, Identity identity) {
        String pattern = String.valueOf(subject.get("name"));
        return switch (String.valueOf(subject.get("kind"))) {
            case "User" -> glob(pattern, identity.username());
            case "Group" -> identity.groups().stream().anyMatch(g -> glob(pattern, g));
            case "ServiceAccount" -> glob(Identity.SERVICE_ACCOUNT_PREFIX + subject.get("namespace") + ":" + pattern,
                    identity.username()) || identity.serviceAccountsOf() != null
                    && identity.serviceAccountsOf().equals(subject.get("namespace"));
            default -> false;
        };
    }

    private static boolean holds(Map<String, Object> condition, String operation) {
        List<String> values = strings(condition.get("value"));
        return switch (String.valueOf(condition.get("operator"))) {
            case "AnyIn", "In", "Equals" -> values.contains(operation);
            case "AnyNotIn", "NotIn", "NotEquals" -> !values.contains(operation);
            default -> false;
        };
    }

    private static boolean glob(String pattern, String value) {
        return GLOBS.computeIfAbsent(pattern, p -> {
            StringBuilder regex = new StringBuilder();
            for (char c : p.toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return Pattern.compile(regex.toString());
        }).matcher(value).matches();
    }

}
