package dev.bulkhead.render;

import dev.bulkhead.config.StackSettings;
import dev.bulkhead.program.BulkheadProgram;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline render: runs the real program under the mock engine with a stack's settings and turns what it
 * registered into files ({@code resources.json}, {@code kubernetes/}, {@code aws/}).
 */
public final class Renderer {

    private Renderer() {
    }

    /** Every resource the program registers for {@code settings}, in registration order. */
    public static List<RenderedResource> resources(StackSettings settings) {
        return MockEngine.run(settings.stack(), settings.region(),
                ctx -> BulkheadProgram.define(ctx, settings)).resources();
    }

    /** The files of a render, by path relative to the output directory. */
    public static Map<String, String> files(List<RenderedResource> resources) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ResourcesJson.FILE, ResourcesJson.write(resources));
        files.putAll(KubernetesManifests.files(resources));
        files.putAll(PolicyDocuments.files(resources));
        return files;
    }

    /**
     * Renders {@code settings} into {@code outDir} (replacing it only on success, and only if it is a previous
     * render or new) and returns the summary.
     */
    public static String render(StackSettings settings, Path outDir) {
        RenderDirectory.checkReplaceable(outDir);
        List<RenderedResource> resources = resources(settings);
        RenderDirectory.replace(outDir, files(resources));
        return RenderSummary.of(settings.stack(), resources, outDir.toString());
    }
}
