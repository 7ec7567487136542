package dev.bulkhead.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the program as pulumi-java's language host does for {@code pulumi up}: the executor's command line, from
 * the project root, with the host's environment on top of the caller's ({@code PULUMI_MONITOR},
 * {@code PULUMI_ENGINE}, {@code PULUMI_ORGANIZATION}, {@code PULUMI_PROJECT}, {@code PULUMI_STACK},
 * {@code PULUMI_PWD}, {@code PULUMI_ROOT_DIRECTORY}, {@code PULUMI_DRY_RUN}, {@code PULUMI_PARALLEL},
 * {@code PULUMI_CONFIG}, {@code PULUMI_CONFIG_SECRET_KEYS}).
 */
final class LanguageHost {

    /** The prebuilt jar, as {@code runtime.options.binary} names it. */
    static final String BINARY = "src/target/bulkhead.jar";

    /** The two executors Bulkhead supports, with the command lines the language host runs for each. */
    enum Executor {
        /** {@code runtime.options.binary} naming a jar: the host runs {@code java -jar <binary>}. */
        JAR(List.of("java", "-jar", BINARY),
                List.of("java", "-cp", BINARY, "com.pulumi.bootstrap.internal.Main", "packages")),
        /** A pom.xml at the project root and no option: the host runs Maven there. */
        MAVEN(List.of("mvn", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "--no-transfer-progress", "compile",
                "exec:java"),
                List.of("mvn", "-Dorg.slf4j.simpleLogger.logFile=System.err", "--no-transfer-progress", "compile",
                        "exec:java", "-DmainClass=com.pulumi.bootstrap.internal.Main", "-DmainArgs=packages"));

        /** What runs the program ({@code Run}). */
        final List<String> run;
        /** What lists the plugins the program needs ({@code GetRequiredPackages}); JSON on standard output. */
        final List<String> plugins;

        Executor(List<String> run, List<String> plugins) {
            this.run = run;
            this.plugins = plugins;
        }
    }

    /** How a process ended, and when it was started ({@link System#nanoTime()}). */
    record Exit(int code, String stdout, String stderr, long startNanos) {
    }

    private LanguageHost() {
    }

    /** The environment the host gives a program run against {@code engine}, with {@code config} as the engine encodes it. */
    static Map<String, String> environment(FakeEngine engine, Path root, String project, String stack, String config) {
        Map<String, String> env = new LinkedHashMap<>();
        System.getenv().forEach((k, v) -> {
            if (!k.startsWith("PULUMI_")) {
                env.put(k, v);
            }
        });
        env.put("PULUMI_MONITOR", engine.monitorAddress());
        env.put("PULUMI_ENGINE", engine.engineAddress());
        env.put("PULUMI_ORGANIZATION", "organization");
        env.put("PULUMI_PROJECT", project);
        env.put("PULUMI_STACK", stack);
        env.put("PULUMI_PWD", root.toString());
        env.put("PULUMI_ROOT_DIRECTORY", root.toString());
        env.put("PULUMI_DRY_RUN", "false");
        env.put("PULUMI_PARALLEL", "16");
        env.put("PULUMI_CONFIG", config);
        env.put("PULUMI_CONFIG_SECRET_KEYS", "[]");
        return env;
    }

    /** Runs {@code command} in {@code root} and waits for it; a process that outlives {@code timeout} is killed. */
    static Exit run(List<String> command, Path root, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("bulkhead-host-", ".out");
        Path err = Files.createTempFile("bulkhead-host-", ".err");
        try {
            var builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeout + "; stderr:\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Exit(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), start);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
