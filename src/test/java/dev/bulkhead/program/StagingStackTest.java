package dev.bulkhead.program;

import dev.bulkhead.check.CheckReport;
import dev.bulkhead.check.RenderView;
import dev.bulkhead.render.Renderer;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staging stack file: the platform layer with the operator, shop's stack its team's own program, billing's with
 * a backend of its own. Its render says where each project's stack comes from, and passes check with every
 * workspace held to its own project's namespaces.
 */
class StagingStackTest {

    @Test
    void theSummaryNamesEachProjectsOwnStack(@TempDir Path dir) {
        String summary = Renderer.render(Stacks.settings("staging"), dir.resolve("staging"), false);
        assertTrue(summary.contains("stack  team program https://github.com/acme/team-shop.git@main, state "
                + "s3://acme-pulumi-state/projects/shop, key awskms://alias/bulkhead-shop?region=eu-west-1, "
                + "credentials Secret shop-stack-credentials"), summary);
        assertTrue(summary.contains("stack  project layer of https://github.com/acme/bulkhead.git@main, state "
                + "s3://acme-billing-state"), summary);
    }

    @Test
    void itPassesCheckAndEveryWorkspaceWritesOnlyItsOwnProject() {
        CheckReport report = CheckReport.of(new RenderView(Stacks.rendered("staging"), Stacks.intent("staging")));
        assertTrue(report.passed(), report.summary("staging"));
        String summary = report.summary("staging");
        for (String project : new String[] {"shop", "billing", "analytics"}) {
            assertTrue(summary.contains("workspace pulumi-kubernetes-operator/" + project + "-workspace (Stack "
                    + project + "): writes no perimeter object; writes only in project " + project + "'s namespaces"),
                    summary);
        }
        assertEquals(0, report.errors());
    }
}
