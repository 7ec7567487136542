package dev.bulkhead.runtime;

/**
 * What a process does with an error the JVM cannot recover from ({@link OutOfMemoryError}, {@link StackOverflowError},
 * ...). A Pulumi program's work lives in futures: an error that kills one of them leaves everything waiting on it
 * parked forever, so the only safe answer is to end the process, with a non-zero exit code and without running
 * shutdown hooks that could wait on that work too.
 */
@FunctionalInterface
public interface FatalErrors {

    /** The exit code of a process ended by {@link #halt()}: the run failed. */
    int EXIT_CODE = 1;

    void handle(VirtualMachineError error);

    /** Prints the error to standard error and halts the JVM with {@link #EXIT_CODE}. */
    static FatalErrors halt() {
        return error -> {
            try {
                System.err.println("bulkhead: fatal error, exiting: " + error);
                System.err.flush();
            } catch (Throwable ignored) {
                // nothing more can be done than to exit
            }
            Runtime.getRuntime().halt(EXIT_CODE);
        };
    }

    /**
     * Makes a {@link VirtualMachineError} that no one catches end the process through {@link #halt()}, whatever
     * thread it happens on; other uncaught exceptions go to the handler that was installed before.
     */
    static void haltOnUncaught() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        FatalErrors halt = halt();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof VirtualMachineError fatal) {
                halt.handle(fatal);
            } else if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                error.printStackTrace();
            }
        });
    }
}
