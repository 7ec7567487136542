package dev.bulkhead.config;

import dev.bulkhead.model.Layer;
import dev.bulkhead.model.LayerSelection;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.ProtectionSpec;

import java.util.ArrayList;
import java.util.List;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads {@code bulkhead:protect} and {@code bulkhead:retiredProjects}. Protection defaults to on in production
 * and off in development. Deleting a protected project takes two changes: list it in {@code retiredProjects} (the
 * next {@code pulumi up} lifts the protection of its namespaces), then remove it from both lists (the next
 * {@code pulumi up} deletes it). Removing it at once leaves {@code pulumi up} stopping at its protected namespaces.
 * Where projects run their own stacks (layers {@code platform} and {@code project}), their namespaces are protected
 * whatever {@code protect} says, and retiring is always the first step.
 */
final class ProtectionSection {

    static final String PROTECT = "bulkhead:protect";
    static final String RETIRED = "bulkhead:retiredProjects";

    private ProtectionSection() {
    }

    static ProtectionSpec read(Checks checks, Fields root, boolean production, List<ProjectSpec> projects,
                               LayerSelection layer) {
        ConfigReader reader = checks.reader();
        Node protectNode = root.node(PROTECT);
        Boolean given = protectNode == null ? null : flag(reader, protectNode);
        boolean enabled = given == null ? production : given;
        // with the operator, projects run their own stacks: their namespaces are protected until retired
        boolean projectStacks = layer.layer() != Layer.ALL;

        List<String> names = projects.stream().map(ProjectSpec::name).filter(n -> n != null).toList();
        boolean allNamed = projects.stream().allMatch(p -> p.name() != null);
        List<String> retired = new ArrayList<>();
        Node retiredNode = root.node(RETIRED);
        if (retiredNode != null && !enabled && !projectStacks) {
            reader.error(RETIRED, "has no effect while " + PROTECT + " is false: unprotected projects are deleted as "
                    + "soon as they leave " + ProjectsSection.KEY + "; remove it");
            return new ProtectionSpec(false, List.of());
        }
        for (Node node : root.list(RETIRED, false, "names of configured projects")) {
            String name = reader.string(node);
            if (name == null) {
                continue;
            }
            if (retired.contains(name)) {
                reader.error(node.path(), quote(name) + " is listed twice");
            } else if (allNamed && !names.contains(name)) {
                reader.error(node.path(), quote(name) + " is not a configured project"
                        + Suggestions.didYouMean(name, names, "a project stays in " + ProjectsSection.KEY + " while it is "
                        + "retired, and leaves both lists together once its protection is lifted; configured "
                        + "projects: " + names));
            } else {
                retired.add(name);
            }
        }
        return new ProtectionSpec(enabled, retired, projectStacks);
    }

    /**
     * A top-level boolean: {@code true} or {@code false}. The engine hands top-level values over as text, so the
     * text is what counts; a stack file read as the engine reads it gives the same.
     */
    static Boolean flag(ConfigReader reader, Node node) {
        if (ConfigReader.refused(node)) {
            return null;
        }
        Object value = node.value();
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf((String) value);
        }
        reader.error(node.path(), "expected true or false, got " + ConfigReader.describe(value));
        return null;
    }
}
