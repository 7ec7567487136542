package dev.bulkhead.runtime;

import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import org.junit.jupiter.api.Test;

import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task loop's work does not grow with the stack. The Pulumi SDK's own loop formats every in-flight task on every
 * turn, so doubling the resources more than doubles its work; under {@link MockEngineRun} the loop runs at most
 * twice, over one task, however many resources the program registers. Counted from what the loop reports, not timed.
 */
class TaskLoopWorkTest {

    private static final TestOptions OPTIONS = TestOptions.builder().projectName("work").stackName("test")
            .preview(false).build();

    @Test
    void theLoopFormatsNoTaskPerResourceAndEndsAtOnce() {
        Work small = underMockEngineRun(2_000);
        Work large = underMockEngineRun(4_000);

        assertTrue(large.formatted() <= 2 * small.formatted() + 4, () -> "2,000 resources: " + small + ", 4,000: "
                + large);
        assertTrue(large.formatted() < 4_000 / 100, () -> large + " for 4,000 resources");
        // The loop starts when the program's step completes, over that one step; it may look once before the step's
        // entry is marked done by the thread completing it, never more (pulumi/pulumi-java#2270).
        assertTrue(large.turns() <= 2, large::toString);
    }

    /** What the SDK's loop did in one run. */
    private record Work(long formatted, long turns) {
    }

    /** The measurement sees the SDK's loop: with the SDK's runner, every task is formatted at least once. */
    @Test
    void theCountSeesTheSdksOwnLoop() {
        Logger logger = Logger.getLogger(TaskLoopWorkTest.class.getName() + ".sdk");
        try (var formatting = TaskFormatting.on(logger)) {
            var result = PulumiTestInternal.builder().options(OPTIONS).mocks(new ThingMocks()).standardLogger(logger)
                    .build().runTest(ctx -> things(300));
            assertEquals(0, result.exitCode());
            assertTrue(formatting.formattedTasks() >= 300, () -> formatting.formattedTasks() + " formatted");
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    private static Work underMockEngineRun(int resources) {
        Logger logger = Logger.getLogger(MockEngineRun.SDK_LOGGER);
        try (var formatting = TaskFormatting.on(logger)) {
            var result = MockEngineRun.run(new ThingMocks(), OPTIONS, ctx -> things(resources));
            assertEquals(0, result.exitCode(), result.errors()::toString);
            assertEquals(resources + 1, result.resources().size());
            return new Work(formatting.formattedTasks(), formatting.turns());
        }
    }

    private static void things(int count) {
        for (int i = 0; i < count; i++) {
            new Thing("thing-" + i);
        }
    }
}
