package dev.bulkhead.runtime;

import com.pulumi.core.internal.Environment;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

/**
 * The engine logger of a Bulkhead deployment: the SDK's own, except that debug messages reach the engine only when
 * {@code PULUMI_JAVA_LOG_VERBOSE} is true, the SDK's switch for its own diagnostics.
 *
 * <p>The SDK logs four debug messages per registered resource (one holds the whole request as protobuf text) and
 * sends every message to the engine one after the other, each after the previous one has been acknowledged, on a
 * new asynchronous step. A run cannot end before that chain has drained, so a large stack waits on tens of
 * thousands of sequential log calls whose messages the Pulumi CLI shows only with {@code --debug}. Info, warnings
 * and errors go through unchanged, in order, and errors are still counted for the exit code.
 */
public final class VerboseOnlyDebugLogger implements EngineLogger {

    /** The SDK's environment variable that turns on its diagnostics. */
    public static final String VERBOSE_ENV = "PULUMI_JAVA_LOG_VERBOSE";

    private final EngineLogger sdkLogger;
    private final boolean verbose;

    public VerboseOnlyDebugLogger(EngineLogger sdkLogger, boolean verbose) {
        this.sdkLogger = Objects.requireNonNull(sdkLogger);
        this.verbose = verbose;
    }

    /** With {@code verbose} from {@value #VERBOSE_ENV}, read as the SDK reads it. */
    public static VerboseOnlyDebugLogger fromEnvironment(EngineLogger sdkLogger) {
        return new VerboseOnlyDebugLogger(sdkLogger, Environment.getBooleanEnvironmentVariable(VERBOSE_ENV).or(false));
    }

    @Override
    public CompletableFuture<Void> debugAsync(String message, @Nullable Resource resource, @Nullable Integer streamId,
                                              @Nullable Boolean ephemeral) {
        if (!verbose) {
            return CompletableFuture.completedFuture(null);
        }
        return sdkLogger.debugAsync(message, resource, streamId, ephemeral);
    }

    /** Info, warnings and errors (which the interface routes here) go to the SDK's logger, debug as above. */
    @Override
    public CompletableFuture<Void> logAsync(Level level, String message, @Nullable Resource resource,
                                            @Nullable Integer streamId, @Nullable Boolean ephemeral) {
        if (level.intValue() < Level.INFO.intValue()) {
            return debugAsync(message, resource, streamId, ephemeral);
        }
        return sdkLogger.logAsync(level, message, resource, streamId, ephemeral);
    }

    @Override
    public int getErrorCount() {
        return sdkLogger.getErrorCount();
    }

    @Override
    public boolean hasLoggedErrors() {
        return sdkLogger.hasLoggedErrors();
    }
}
