package dev.bulkhead.runtime;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;
import org.junit.jupiter.api.Test;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Debug messages reach the engine only when asked for; everything else, and the error count, as the SDK's. */
class VerboseOnlyDebugLoggerTest {

    /** An engine logger that records what it is asked to send, and counts errors as the SDK's does. */
    private static final class Recording implements EngineLogger {
        final List<String> sent = new ArrayList<>();

        @Override
        public CompletableFuture<Void> logAsync(Level level, String message, @Nullable Resource resource,
                                                @Nullable Integer streamId, @Nullable Boolean ephemeral) {
            sent.add(level.getName() + " " + message);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public int getErrorCount() {
            return (int) sent.stream().filter(m -> m.startsWith("SEVERE")).count();
        }

        @Override
        public boolean hasLoggedErrors() {
            return getErrorCount() > 0;
        }
    }

    @Test
    void debugIsDroppedUnlessVerboseAndTheRestPassesInOrder() {
        var sdk = new Recording();
        var logger = new VerboseOnlyDebugLogger(sdk, false);

        assertTrue(logger.debugAsync("Registering resource monitor start: ...").isDone());
        logger.infoAsync("info");
        logger.logAsync(Level.FINEST, "finest", null, null, null);
        logger.warnAsync("warning");
        logger.errorAsync("error");

        assertEquals(List.of("INFO info", "WARNING warning", "SEVERE error"), sdk.sent);
        assertEquals(1, logger.getErrorCount());
        assertTrue(logger.hasLoggedErrors());
    }

    @Test
    void verboseSendsDebugToo() {
        var sdk = new Recording();
        new VerboseOnlyDebugLogger(sdk, true).debugAsync("Preparing resource: ...");

        assertEquals(1, sdk.sent.size());
        assertTrue(sdk.sent.get(0).endsWith("Preparing resource: ..."), sdk.sent::toString);
    }
}
