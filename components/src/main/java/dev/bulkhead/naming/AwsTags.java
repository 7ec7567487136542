package dev.bulkhead.naming;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tags every AWS resource Bulkhead creates carries: {@code Name} and {@code bulkhead:stack}. */
public final class AwsTags {

    public static final String STACK = "bulkhead:stack";

    private AwsTags() {
    }

    public static Map<String, String> of(String stack, String name) {
        return of(stack, name, Map.of());
    }

    public static Map<String, String> of(String stack, String name, Map<String, String> extra) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", name);
        tags.put(STACK, stack);
        tags.putAll(extra);
        return tags;
    }
}
