package dev.bulkhead.ingress;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tags every AWS resource of a project's edge carries: {@code Name}, {@code bulkhead:stack}, {@code bulkhead:project}. */
final class AwsTags {

    private AwsTags() {
    }

    static Map<String, String> of(String stack, String project, String name) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", name);
        tags.put("bulkhead:stack", stack);
        tags.put("bulkhead:project", project);
        return tags;
    }
}
