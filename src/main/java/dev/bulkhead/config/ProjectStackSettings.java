package dev.bulkhead.config;

import dev.bulkhead.model.Layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a project stack as the operator runs it: the platform stack's inherited config plus
 * {@code bulkhead:layer: project} and {@code bulkhead:project}, read exactly as the Pulumi engine hands config to
 * the program. This is how {@code render --project} shows a project's layer without a cluster. A project whose
 * stack is its team's own program has no such layer here.
 */
public final class ProjectStackSettings {

    private ProjectStackSettings() {
    }

    /** The stack name of {@code project}'s layer: {@code <platform stack>-<project>}. */
    public static String stackName(StackSettings platform, String project) {
        return platform.stack() + "-" + project;
    }

    public static StackSettings of(StackSettings platform, String project) throws ConfigException {
        if (!platform.operator().enabled()) {
            throw new ConfigException(new ConfigError(LayerSection.LAYER, "stack " + platform.stack() + " runs layer "
                    + ConfigReader.quote(platform.layer().layer().configValue()) + " without the operator; project "
                    + "stacks exist only under a platform layer with " + OperatorSection.KEY + ".enabled: true"));
        }
        List<String> names = platform.projects().stream().map(p -> p.name()).toList();
        if (!names.contains(project)) {
            throw new ConfigException(new ConfigError(LayerSection.PROJECT, ConfigReader.quote(project)
                    + " is not a configured project" + Suggestions.didYouMean(project, names, "use one of " + names)));
        }
        var stack = platform.operator().stacks().get(project);
        if (stack != null && stack.teamProgram()) {
            throw new ConfigException(new ConfigError(ProjectsSection.KEY + "[" + project + "].stack", "project "
                    + ConfigReader.quote(project) + " runs its team's own program (" + stack.repository()
                    + (stack.path().isEmpty() ? "" : ", directory " + stack.path()) + "), not this program's project "
                    + "layer; render that program in its own repository"));
        }
        Map<String, String> config = new LinkedHashMap<>(platform.operator().stackConfig());
        config.put(LayerSection.LAYER, Layer.PROJECT.configValue());
        config.put(LayerSection.PROJECT, project);
        return SettingsParser.fromEngineConfig(stackName(platform, project), config);
    }
}
