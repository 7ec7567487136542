package dev.bulkhead.config;

import dev.bulkhead.model.Layer;
import dev.bulkhead.model.LayerSelection;
import dev.bulkhead.model.OperatorSpec;
import dev.bulkhead.model.ProjectSpec;

import java.util.List;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads {@code bulkhead:layer} and {@code bulkhead:project}: which part of the graph this stack manages. The
 * {@code project} layer names one configured project; the others name none. The {@code platform} layer hands
 * the projects to the operator, so it needs the operator; the other layers must not run it (in {@code all}, the
 * stack manages the projects itself and Stacks would manage them a second time).
 */
final class LayerSection {

    static final String LAYER = "bulkhead:layer";
    static final String PROJECT = "bulkhead:project";

    private LayerSection() {
    }

    static LayerSelection read(Checks checks, Fields root, List<ProjectSpec> projects, OperatorSpec operator) {
        ConfigReader reader = checks.reader();
        Node layerNode = root.node(LAYER);
        String value = layerNode == null ? Layer.ALL.configValue() : checks.oneOf(layerNode, Layer.configValues());
        Layer layer = value == null ? Layer.ALL : Layer.fromConfigValue(value);
        Node given = root.node(PROJECT);
        if (given != null && (given.value() instanceof List<?> || given.value() instanceof java.util.Map<?, ?>)) {
            reader.error(PROJECT, "takes the name of the one project a project-layer stack manages, but this value is "
                    + (given.value() instanceof List<?> ? "a list" : "a mapping") + "; did you mean "
                    + quote(ProjectsSection.KEY) + ", the list of projects?");
            given = null;
        }
        // An empty value is how an engine hands over an unset key; it names no project.
        Node projectNode = given != null && "".equals(given.value()) ? null : given;
        String project = projectNode == null ? null : reader.string(projectNode);
        List<String> names = projects.stream().map(ProjectSpec::name).toList();

        String enabled = OperatorSection.KEY + ".enabled";
        if (layer == Layer.PLATFORM && !operator.enabled()) {
            reader.error(enabled, "the platform layer leaves every project to its own stack, run by the operator; "
                    + "set " + enabled + ": true, or use " + LAYER + ": all to manage the projects in this stack");
        }
        if (layer != Layer.PLATFORM && operator.enabled()) {
            reader.error(enabled, "the operator runs only in the platform layer (" + LAYER + ": platform); in layer "
                    + quote(layer.configValue()) + (layer == Layer.ALL
                    ? " this stack manages the projects itself and their Stacks would manage them a second time"
                    : " the stack manages one project and installs nothing cluster-wide"));
        }
        if (layer != Layer.PROJECT) {
            if (projectNode != null) {
                reader.error(PROJECT, "is set, but only the project layer manages a single project; remove it, or set "
                        + LAYER + ": project (this stack's layer is " + quote(layer.configValue()) + ")");
            }
            return layer == Layer.ALL ? LayerSelection.all() : LayerSelection.platform();
        }
        if (projectNode == null) {
            reader.error(PROJECT, "missing; the project layer manages one project: name one of " + names);
            return LayerSelection.all();
        }
        if (project == null) {
            return LayerSelection.all();
        }
        if (!names.contains(project)) {
            reader.error(PROJECT, quote(project) + " is not a configured project"
                    + Suggestions.didYouMean(project, names, "use one of " + names));
            return LayerSelection.all();
        }
        return LayerSelection.project(project);
    }
}
