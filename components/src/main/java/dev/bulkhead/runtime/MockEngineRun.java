package dev.bulkhead.runtime;

import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Runs a Pulumi program under the SDK's mock engine with a {@link CompletionRunner}: what
 * {@code PulumiTest.withMocks(mocks).withOptions(options).runTest(program)} does, without the SDK's polling runner,
 * and cleaned up afterwards so that the next run can start.
 */
public final class MockEngineRun {

    private MockEngineRun() {
    }

    /** Where the SDK's own diagnostics go, at the level this logger is given (INFO unless configured). */
    public static final String SDK_LOGGER = MockEngineRun.class.getName();

    public static TestResult run(Mocks mocks, TestOptions options, Consumer<Context> program) {
        return run(mocks, options, Logger.getLogger(SDK_LOGGER), program);
    }

    /** As {@link #run(Mocks, TestOptions, Consumer)}, with the SDK's diagnostics going to {@code sdkLogger}. */
    public static TestResult run(Mocks mocks, TestOptions options, Logger sdkLogger, Consumer<Context> program) {
        try {
            return PulumiTestInternal.builder()
                    .options(options)
                    .mocks(mocks)
                    .standardLogger(sdkLogger)
                    .deploymentFactory(state -> {
                        DeploymentPatches.apply(state, FatalErrors.halt());
                        return new DeploymentImpl(state);
                    })
                    .build()
                    .runTest(program);
        } finally {
            PulumiTest.cleanup();
        }
    }
}
