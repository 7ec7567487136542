package dev.bulkhead.check.authority;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.check.authority.Values.strings;

/**
 * Kubernetes label selectors ({@code matchLabels}, {@code matchExpressions}) over plain values. A selector this
 * cannot read (an unknown operator, a value that is not a list) matches nothing: a guard whose scope cannot be read
 * guards nothing.
 */
final class Selectors {

    private Selectors() {
    }

    static boolean matches(Object selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (!(selector instanceof Map<?, ?> map)) {
            return false;
        }
        if (map.get("matchLabels") instanceof Map<?, ?> matchLabels) {
            for (var entry : matchLabels.entrySet()) {
                if (!String.valueOf(entry.getValue()).equals(labels.get(String.valueOf(entry.getKey())))) {
                    return false;
                }
            }
        } else if (map.get("matchLabels") != null) {
            return false;
        }
        Object expressions = map.get("matchExpressions");
        if (expressions == null) {
            return true;
        }
        if (!(expressions instanceof List<?> list)) {
            return false;
        }
        for (Object e : list) {
            if (!(e instanceof Map<?, ?> expression) || !requirement(expression, labels)) {
                return false;
            }
        }
        return true;
    }

    private static boolean requirement(Map<?, ?> expression, Map<String, String> labels) {
        String key = String.valueOf(expression.get("key"));
        List<String> values = strings(expression.get("values"));
        String value = labels.get(key);
        return switch (String.valueOf(expression.get("operator"))) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }
}
