package dev.bulkhead.netpol;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled Kubernetes label selector: {@code matchLabels} and {@code matchExpressions} as one list of
 * requirements, all of which must hold. No requirements selects everything.
 */
record LabelSelector(List<Requirement> requirements) {

    static final LabelSelector ALL = new LabelSelector(List.of());

    LabelSelector {
        requirements = List.copyOf(requirements);
    }

    boolean matches(Map<String, String> labels) {
        for (Requirement requirement : requirements) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    enum Operator { IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    /** One requirement; a {@code matchLabels} entry {@code k: v} is {@code k In (v)}. */
    record Requirement(String key, Operator operator, Set<String> values) {

        Requirement {
            values = Set.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case IN -> value != null && values.contains(value);
                case NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
            };
        }
    }
}
