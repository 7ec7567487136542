package dev.bulkhead.program;

import dev.bulkhead.config.ConfigException;
import dev.bulkhead.config.SettingsParser;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.render.Renderer;
import dev.bulkhead.testing.LayerStacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The order of lists in the config is not part of what a resource is: with the projects, their namespaces, their
 * developers, exports and egress rules listed in reverse, every resource of the dev stack keeps its URN and its
 * inputs.
 */
class ConfigOrderTest {

    @Test
    void reorderingTheConfigChangesNoResource() throws ConfigException {
        Map<String, Object> reordered = LayerStacks.devConfig();
        @SuppressWarnings("unchecked")
        var projects = new ArrayList<>((List<Map<String, Object>>) reordered.get("bulkhead:projects"));
        Collections.reverse(projects);
        for (Map<String, Object> project : projects) {
            for (String list : List.of("namespaces", "developers", "egress", "exports")) {
                if (project.get(list) instanceof List<?> values) {
                    List<Object> reversed = new ArrayList<>(values);
                    Collections.reverse(reversed);
                    project.put(list, reversed);
                }
            }
        }
        reordered.put("bulkhead:projects", projects);

        Map<String, Map<String, Object>> original = byUrn(Renderer.resources(
                SettingsParser.parse("dev", LayerStacks.devConfig())));
        Map<String, Map<String, Object>> after = byUrn(Renderer.resources(SettingsParser.parse("dev", reordered)));

        assertEquals(original.keySet(), after.keySet(), "the same resources");
        List<String> changed = new ArrayList<>();
        original.forEach((urn, inputs) -> {
            if (!inputs.equals(after.get(urn))) {
                changed.add(urn);
            }
        });
        assertEquals(List.of(), changed, "inputs that follow the config's order");
    }

    private static Map<String, Map<String, Object>> byUrn(List<RenderedResource> resources) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        resources.forEach(r -> out.put(r.urn(), r.inputs()));
        return out;
    }
}
