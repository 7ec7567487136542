package dev.bulkhead.render;

import dev.bulkhead.runtime.MockEngineRun;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code render} runs without the Pulumi SDK's polling task loop, whose work grows with the square of the stack
 * (every turn formats every task in flight). The loop reports each turn to the SDK's logger as
 * {@code Remaining tasks [n]: ...}; under the SDK's loop a render formats at least one description per task, many
 * more than there are resources, and under {@link MockEngineRun} almost none.
 */
class RenderTaskLoopTest {

    @Test
    void renderFormatsAlmostNoTaskDescriptions() {
        Logger logger = Logger.getLogger(MockEngineRun.SDK_LOGGER);
        AtomicLong formatted = new AtomicLong();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = String.valueOf(record.getMessage());
                if (message.startsWith("Remaining tasks [")) {
                    formatted.addAndGet(Long.parseLong(message.substring(17, message.indexOf(']'))));
                } else if (message.startsWith("Tasks not done: ")) {
                    formatted.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.FINEST);
        logger.addHandler(counter);
        try {
            int resources = Renderer.resources(Stacks.settings("dev")).size();
            assertTrue(formatted.get() < resources / 10,
                    () -> formatted.get() + " task descriptions formatted for " + resources + " resources");
        } finally {
            logger.removeHandler(counter);
            logger.setLevel(previous);
        }
    }
}
