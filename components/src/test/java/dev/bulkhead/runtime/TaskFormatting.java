package dev.bulkhead.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the work of the Pulumi SDK's polling task loop, as the loop itself reports it to its logger: each turn
 * formats every in-flight task ({@code Remaining tasks [n]: ...}) and then each unfinished one again
 * ({@code Tasks not done: ...}). Attached to a logger at FINEST for the duration of a run.
 */
public final class TaskFormatting extends Handler implements AutoCloseable {

    private static final Pattern REMAINING = Pattern.compile("^Remaining tasks \\[(\\d+)]");

    private final Logger logger;
    private final Level previousLevel;
    private final AtomicLong turns = new AtomicLong();
    private final AtomicLong formatted = new AtomicLong();

    private TaskFormatting(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        setLevel(Level.ALL);
        logger.setLevel(Level.FINEST);
        logger.addHandler(this);
    }

    /** Starts counting what {@code logger} receives; {@link #close()} stops. */
    public static TaskFormatting on(Logger logger) {
        return new TaskFormatting(logger);
    }

    /** How many times the loop went over its tasks. */
    public long turns() {
        return turns.get();
    }

    /** How many task descriptions the loop formatted. */
    public long formattedTasks() {
        return formatted.get();
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        if (message == null) {
            return;
        }
        Matcher remaining = REMAINING.matcher(message);
        if (remaining.find()) {
            turns.incrementAndGet();
            formatted.addAndGet(Long.parseLong(remaining.group(1)));
        } else if (message.startsWith("Tasks not done: ")) {
            formatted.incrementAndGet();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
