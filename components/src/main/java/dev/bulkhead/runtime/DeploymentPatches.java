package dev.bulkhead.runtime;

import com.pulumi.deployment.internal.DeploymentImpl;

/**
 * The two parts of the Pulumi Java SDK's deployment that Bulkhead replaces, in one place: the task runner
 * ({@link CompletionRunner}) and the engine logger ({@link VerboseOnlyDebugLogger}). The SDK leaves both as
 * late-initialised public fields of its deployment state; they must be replaced before the deployment is built
 * from that state, which hands them to everything that registers resources.
 */
public final class DeploymentPatches {

    private DeploymentPatches() {
    }

    public static void apply(DeploymentImpl.DeploymentState state, FatalErrors fatalErrors) {
        state.runner = new CompletionRunner(state.runner, fatalErrors);
        state.logger = VerboseOnlyDebugLogger.fromEnvironment(state.logger);
    }
}
