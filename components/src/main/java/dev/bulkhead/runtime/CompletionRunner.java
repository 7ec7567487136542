package dev.bulkhead.runtime;

import com.pulumi.deployment.internal.Runner;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The task runner of a Bulkhead deployment: it learns that a run is over from the completions of its tasks, where
 * the Pulumi Java SDK's own runner polls them.
 *
 * <p>The SDK (com.pulumi:pulumi 1.36.1) keeps every fire-and-forget task in a map and, until the map is empty,
 * reschedules a loop that formats the whole map into a log message and scans it, once per turn; both the turns and
 * the scan grow with the number of tasks in flight, so a run costs O(tasks²), and each turn is a new asynchronous
 * step. This runner keeps a count instead: each task decrements it when it completes, and the run is drained when
 * the program has returned and the count is zero. The first task to fail ends the run, as in the SDK.
 *
 * <p>Results, exit codes and error logging stay the SDK's: the program runs inside the SDK runner's
 * {@code runAsync}, which therefore sees one task that ends when this runner has drained, or fails with the first
 * task's failure, and reports it exactly as it would have reported that task (exit code 32 after the error was
 * logged to the engine, 1 when errors were logged without an exception, 0 otherwise).
 *
 * <p>A {@link VirtualMachineError} (out of memory, stack overflow) in the program or in any task is handed to
 * {@code onFatal} before anything else, so that the process can exit instead of waiting on work that died with it.
 */
public final class CompletionRunner implements Runner {

    private final Runner sdkRunner;
    private final FatalErrors fatalErrors;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong registered = new AtomicLong();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean programReturned;

    /**
     * @param sdkRunner   the SDK's runner of the same deployment; it runs the program and reports the result
     * @param fatalErrors what to do with an error the JVM cannot recover from
     */
    public CompletionRunner(Runner sdkRunner, FatalErrors fatalErrors) {
        this.sdkRunner = Objects.requireNonNull(sdkRunner);
        this.fatalErrors = Objects.requireNonNull(fatalErrors);
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        Objects.requireNonNull(description);
        Objects.requireNonNull(task);
        registered.incrementAndGet();
        pending.incrementAndGet();
        task.whenComplete((value, error) -> completed(error));
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        return sdkRunner.runAsync(() -> {
            T value;
            try {
                value = callback.get();
            } catch (VirtualMachineError e) {
                fatalErrors.handle(e);
                throw e;
            }
            programReturned = true;
            if (pending.get() == 0) {
                drained.complete(null);
            }
            // Blocks the program's thread until every task is done; the SDK's runner then finds nothing left.
            drained.join();
            return value;
        });
    }

    /** How many tasks were registered so far. */
    public long registeredTasks() {
        return registered.get();
    }

    private void completed(Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof VirtualMachineError fatal) {
                fatalErrors.handle(fatal);
            }
            drained.completeExceptionally(error instanceof CompletionException ? error : new CompletionException(error));
        }
        if (pending.decrementAndGet() == 0 && programReturned) {
            drained.complete(null);
        }
    }
}
