package dev.bulkhead.render;

import dev.bulkhead.config.StackSettings;
import dev.bulkhead.cost.CostEstimate;
import dev.bulkhead.intent.Intent;
import dev.bulkhead.intent.IntentJson;
import dev.bulkhead.intent.IntentPlan;
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

    /** The cost estimate's file in a render's directory. */
    public static final String COST_FILE = "cost.md";
    private static final int MAX_PROJECT_COSTS = 5;

    private Renderer() {
    }

    /** Every resource the program registers for {@code settings}, in registration order. */
    public static List<RenderedResource> resources(StackSettings settings) {
        return MockEngine.run(settings.stack(), settings.region(),
                ctx -> BulkheadProgram.define(ctx, settings)).resources();
    }

    /**
     * With the operator, where each project's stack comes from and keeps its state, as the summary shows it:
     * {@code repository@branch (path), state, key, credentials}.
     */
    static Map<String, String> projectStacks(StackSettings settings) {
        Map<String, String> stacks = new LinkedHashMap<>();
        if (!settings.operator().enabled()) {
            return stacks;
        }
        settings.operator().stacks().forEach((project, stack) -> stacks.put(project,
                (stack.teamProgram() ? "team program " : "project layer of ") + stack.repository() + "@"
                        + stack.commit().orElse(stack.branch()) + (stack.path().isEmpty() ? "" : " (" + stack.path() + ")")
                        + ", state " + stack.stateBackend() + ", key " + stack.secretsProvider().orElse("the backend's")
                        + ", credentials Secret " + stack.credentialsSecret()));
        return stacks;
    }

    /** The files of a render, by path relative to the output directory. */
    public static Map<String, String> files(List<RenderedResource> resources, Intent intent) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ResourcesJson.FILE, ResourcesJson.write(resources));
        files.put(Intent.FILE, IntentJson.write(intent));
        files.putAll(KubernetesManifests.files(resources));
        files.putAll(PolicyDocuments.files(resources));
        return files;
    }

    /**
     * Renders {@code settings} into {@code outDir} (replacing it only on success, and only if it is a previous
     * render or new) and returns the summary.
     *
     * @param verbose whether the summary adds the resources per component, project and type
     */
    public static String render(StackSettings settings, Path outDir, boolean verbose) {
        RenderDirectory.checkReplaceable(outDir);
        MockEngine.Run run = MockEngine.run(settings.stack(), settings.region(),
                ctx -> BulkheadProgram.define(ctx, settings));
        Intent intent = IntentPlan.of(settings);
        CostEstimate cost = CostEstimate.of(run.resources(), settings.region());
        Map<String, String> files = files(run.resources(), intent);
        files.put(COST_FILE, cost.markdown());
        RenderDirectory.replace(outDir, files);
        String costSummary = cost.summary(MAX_PROJECT_COSTS) + "  details: " + outDir.resolve(COST_FILE) + "\n";
        return RenderSummary.of(intent, run.resources(), run.outputs(), outDir.toString(), verbose, costSummary,
                projectStacks(settings));
    }
}
