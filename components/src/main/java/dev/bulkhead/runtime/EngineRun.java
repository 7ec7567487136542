package dev.bulkhead.runtime;

import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.context.internal.ConfigContextInternal;
import com.pulumi.context.internal.ContextInternal;
import com.pulumi.context.internal.LoggingContextInternal;
import com.pulumi.context.internal.OutputContextInternal;
import com.pulumi.core.internal.OutputFactory;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.internal.PulumiInternal;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program under the Pulumi engine ({@code pulumi up}, {@code preview}, {@code destroy}) with a
 * {@link CompletionRunner}: what {@code Pulumi.run} does, with the deployment built from the same environment
 * ({@code PULUMI_MONITOR}, {@code PULUMI_ENGINE}, {@code PULUMI_PROJECT}, {@code PULUMI_STACK}, {@code PULUMI_CONFIG},
 * ...) but the SDK's polling runner replaced before anything is registered. Any program can use it instead of
 * {@code Pulumi.run}; an out-of-memory error ends the process instead of leaving it parked.
 */
public final class EngineRun {

    private EngineRun() {
    }

    /** Runs {@code program} to the end and returns the process exit code the SDK would exit with. */
    public static int run(Consumer<Context> program) {
        FatalErrors.haltOnUncaught();
        var state = DeploymentImpl.DeploymentState.fromEnvironment();
        DeploymentPatches.apply(state, FatalErrors.halt());
        var deployment = new DeploymentImpl(state);
        DeploymentInstanceHolder.setInstance(new DeploymentInstanceInternal(deployment));

        // The context Pulumi.run builds around the deployment, with the same runner for every Output.
        var config = Deployment.getInstance().getConfig();
        var context = new ContextInternal(
                deployment.getOrganizationName(),
                deployment.getProjectName(),
                deployment.getStackName(),
                new LoggingContextInternal(deployment.getLog()),
                new ConfigContextInternal(deployment.getProjectName(), name -> new Config(config, name)),
                new OutputContextInternal(new OutputFactory(state.runner)),
                List.of());
        return new PulumiInternal(state.runner, context).runAsync(program).join();
    }
}
