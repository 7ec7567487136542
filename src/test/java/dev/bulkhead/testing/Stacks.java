package dev.bulkhead.testing;

import dev.bulkhead.config.ConfigException;
import dev.bulkhead.config.SettingsParser;
import dev.bulkhead.config.StackSettings;
import dev.bulkhead.intent.Intent;
import dev.bulkhead.intent.IntentPlan;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.render.Renderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The project's own stack files, parsed and rendered once per test run (a render takes a second or two). */
public final class Stacks {

    private static final ConcurrentHashMap<String, List<RenderedResource>> RENDERS = new ConcurrentHashMap<>();

    private Stacks() {
    }

    /** The project root: the nearest ancestor of the working directory holding Pulumi.yaml. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("Pulumi.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no Pulumi.yaml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static StackSettings settings(String stack) {
        try {
            return SettingsParser.fromStackFile(projectRoot(), stack);
        } catch (ConfigException e) {
            throw new IllegalStateException("Pulumi." + stack + ".yaml is not valid: " + e.getMessage(), e);
        }
    }

    /** The render of a project stack file, cached: callers must not modify it. */
    public static List<RenderedResource> rendered(String stack) {
        return RENDERS.computeIfAbsent(stack, s -> Renderer.resources(settings(s)));
    }

    /** What the stack's config declares ({@code intent.json} of its render). */
    public static Intent intent(String stack) {
        return IntentPlan.of(settings(stack));
    }
}
