package dev.bulkhead.network;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tags every network resource carries: {@code Name} and {@code bulkhead:stack}. */
final class Tags {

    static final String STACK = "bulkhead:stack";

    private Tags() {
    }

    static Map<String, String> of(String stack, String name) {
        return of(stack, name, Map.of());
    }

    static Map<String, String> of(String stack, String name, Map<String, String> extra) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", name);
        tags.put(STACK, stack);
        tags.putAll(extra);
        return tags;
    }
}
