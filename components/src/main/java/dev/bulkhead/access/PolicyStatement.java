package dev.bulkhead.access;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One statement of an IAM policy document, built as a map and serialized with gson; {@link #document} turns a
 * list of them into the JSON IAM expects. No policy text is ever assembled by string concatenation.
 */
final class PolicyStatement {

    static final String VERSION = "2012-10-17";
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> conditions = new LinkedHashMap<>();

    private PolicyStatement(String sid, String effect) {
        fields.put("Sid", sid);
        fields.put("Effect", effect);
    }

    static PolicyStatement allow(String sid) {
        return new PolicyStatement(sid, "Allow");
    }

    static PolicyStatement deny(String sid) {
        return new PolicyStatement(sid, "Deny");
    }

    /** {@code "Principal": {"AWS": [...]}}: always a list, so readers need not handle a bare string. */
    PolicyStatement awsPrincipals(List<String> arns) {
        fields.put("Principal", Map.of("AWS", List.copyOf(arns)));
        return this;
    }

    PolicyStatement actions(String... actions) {
        fields.put("Action", actions.length == 1 ? actions[0] : List.of(actions));
        return this;
    }

    PolicyStatement notActions(List<String> actions) {
        fields.put("NotAction", List.copyOf(actions));
        return this;
    }

    PolicyStatement resources(String... resources) {
        return resources(List.of(resources));
    }

    PolicyStatement resources(List<String> resources) {
        fields.put("Resource", resources.size() == 1 ? resources.get(0) : List.copyOf(resources));
        return this;
    }

    /** Adds {@code operator: {key: value}}; a second key under the same operator is added beside the first. */
    PolicyStatement condition(String operator, String key, Object value) {
        conditions.computeIfAbsent(operator, o -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /** Both MFA conditions every statement a person can use carries: MFA present, and no older than the bound. */
    PolicyStatement requireFreshMfa(int mfaMaxAgeSeconds) {
        return condition("Bool", AccessPolicies.MFA_PRESENT, "true")
                .condition("NumericLessThan", AccessPolicies.MFA_AGE, String.valueOf(mfaMaxAgeSeconds));
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(fields);
        if (!conditions.isEmpty()) {
            map.put("Condition", new LinkedHashMap<>(conditions));
        }
        return map;
    }

    /** The JSON of a policy document made of {@code statements}, in order. */
    static String document(List<PolicyStatement> statements) {
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("an IAM policy document needs at least one statement");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (PolicyStatement s : statements) {
            list.add(s.toMap());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", VERSION);
        doc.put("Statement", list);
        return GSON.toJson(doc);
    }
}
