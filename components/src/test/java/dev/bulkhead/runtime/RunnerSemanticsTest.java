package dev.bulkhead.runtime;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CompletionRunner} keeps the Pulumi SDK's semantics: the same program run by the SDK's own runner and by
 * {@link MockEngineRun} ends with the same exit code, the same errors logged to the engine, the same exceptions in
 * the result and the same stack outputs, whether it succeeds, a registration fails, the program throws, an apply
 * throws or the program logs an error.
 */
class RunnerSemanticsTest {

    private static final TestOptions OPTIONS = TestOptions.builder().projectName("semantics").stackName("test")
            .preview(false).build();

    @Test
    void aSuccessfulRunExportsTheSameOutputs() {
        var outcome = sameOnBothRunners(ctx -> {
            var first = new Thing("first");
            var second = new Thing("second");
            ctx.export("ids", Output.all(first.id(), second.id()));
            ctx.export("answer", Output.of(42).applyValue(n -> n + 1));
        });
        assertEquals(0, outcome.exitCode());
        assertEquals(Map.of("ids", List.of("first-id", "second-id"), "answer", 43), outcome.outputs());
        assertEquals(3, outcome.resources(), "the stack and two things");
    }

    @Test
    void aRefusedRegistrationEndsTheRunWithExitCode32AfterLoggingIt() {
        var outcome = sameFailureOnBothRunners("the cloud refuses refused-1", ctx -> {
            new Thing("fine");
            new Thing("refused-1");
        });
        assertEquals(32, outcome.exitCode());
        assertEquals(1, outcome.errors().size(), outcome.errors()::toString);
    }

    @Test
    void aProgramThatThrowsEndsWithExitCode32() {
        var outcome = sameFailureOnBothRunners("the program refuses", ctx -> {
            new Thing("before");
            throw new IllegalStateException("the program refuses");
        });
        assertEquals(32, outcome.exitCode());
    }

    @Test
    void anApplyThatThrowsEndsWithExitCode32() {
        var outcome = sameFailureOnBothRunners("the apply refuses thing-id", ctx -> ctx.export("broken",
                new Thing("thing").id().applyValue(id -> {
                    throw new IllegalArgumentException("the apply refuses " + id);
                })));
        assertEquals(32, outcome.exitCode());
    }

    @Test
    void aLoggedErrorReachesTheEngine() {
        var outcome = sameOnBothRunners(ctx -> {
            new Thing("thing");
            ctx.log().error("something is wrong");
        });
        assertEquals(List.of("something is wrong"), outcome.errors());
    }

    /** What a run ended with, comparable across runners (an error's first line: later lines hold stack traces). */
    private record Outcome(int exitCode, List<String> errors, List<String> exceptions, Map<String, Object> outputs,
                           int resources) {

        static Outcome of(TestResult result) {
            Map<String, Object> outputs = new TreeMap<>();
            if (result.exitCode() == 0) {
                result.outputs().forEach((name, output) -> outputs.put(name, PulumiTest.extractValue(output)));
            }
            return new Outcome(result.exitCode(),
                    result.errors().stream().map(e -> e.lines().findFirst().orElse("")).toList(),
                    result.exceptions().stream().map(e -> e.getClass().getName() + ": " + e.getMessage()).toList(),
                    outputs, result.resources().size());
        }
    }

    private static Outcome sameOnBothRunners(Consumer<Context> program) {
        Outcome sdk = sdkRun(program);
        Outcome ours = Outcome.of(MockEngineRun.run(new ThingMocks(), OPTIONS, program));
        assertEquals(sdk, ours, "the SDK's runner and CompletionRunner disagree");
        return ours;
    }

    /**
     * As {@link #sameOnBothRunners}, for a run that fails: when several tasks fail (a resource and every output that
     * depends on it), which one ends the run is the first the runner notices (the SDK scans an unordered map, this
     * runner takes the first to complete), so both must report {@code failure}, with the same exit code and number
     * of errors, but need not report it through the same task.
     */
    private static Outcome sameFailureOnBothRunners(String failure, Consumer<Context> program) {
        Outcome sdk = sdkRun(program);
        Outcome ours = Outcome.of(MockEngineRun.run(new ThingMocks(), OPTIONS, program));
        for (Outcome outcome : List.of(sdk, ours)) {
            assertTrue(outcome.exceptions().stream().anyMatch(e -> e.contains(failure)), outcome::toString);
        }
        assertEquals(sdk.exitCode(), ours.exitCode());
        assertEquals(sdk.errors().size(), ours.errors().size());
        assertEquals(sdk.resources(), ours.resources());
        return ours;
    }

    private static Outcome sdkRun(Consumer<Context> program) {
        try {
            return Outcome.of(PulumiTest.withMocks(new ThingMocks()).withOptions(OPTIONS).runTest(program));
        } finally {
            PulumiTest.cleanup();
        }
    }
}
