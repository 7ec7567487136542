package dev.bulkhead.engine;

import dev.bulkhead.engine.LanguageHost.Executor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures how long {@code pulumi up} takes to start on each executor: from the moment the language host would start
 * the program's process to the first {@code RegisterResource} the engine receives, against {@link FakeEngine}, with
 * the stack's config as the engine encodes it. Prints one line per executor with the median of the runs.
 *
 * <p>Usage: {@code java -cp src/target/test-classes:src/target/bulkhead.jar dev.bulkhead.engine.StartupProbe ROOT
 * STACK RUNS}
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        String stack = args[1];
        int runs = Integer.parseInt(args[2]);
        String config = EngineConfig.encode(root, stack);
        for (Executor executor : Executor.values()) {
            List<Long> first = new ArrayList<>();
            List<Long> total = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                try (var engine = new FakeEngine(stack, "bulkhead", "eu-west-1")) {
                    var env = LanguageHost.environment(engine, root, "bulkhead", stack, config);
                    var exit = LanguageHost.run(executor.run, root, env, Duration.ofMinutes(5));
                    long end = System.nanoTime();
                    if (exit.code() != 0 || engine.firstRegistrationNanos() == 0) {
                        throw new IllegalStateException(executor + " failed (" + exit.code() + "):\n" + exit.stderr());
                    }
                    first.add((engine.firstRegistrationNanos() - exit.startNanos()) / 1_000_000);
                    total.add((end - exit.startNanos()) / 1_000_000);
                }
            }
            System.out.printf("%s\tfirst-registration-ms %d\twhole-run-ms %d\truns %d%n",
                    executor.name().toLowerCase(), median(first), median(total), runs);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
