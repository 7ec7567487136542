package dev.bulkhead.runtime;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that exhausts the heap ends the process with {@link FatalErrors#EXIT_CODE} and says why, where the SDK's
 * runner would leave the JVM parked forever on work that died with the error.
 */
class FatalErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"program", "apply"})
    void outOfMemoryEndsTheProcess(String where, @TempDir Path dir) throws Exception {
        Path err = dir.resolve("stderr");
        Path out = dir.resolve("stdout");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                OutOfMemoryProgram.class.getName(), where))
                .redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(ended, "the process was still running after two minutes:\n" + stderr);
        assertEquals(FatalErrors.EXIT_CODE, process.exitValue(), stderr);
        assertTrue(stderr.contains("bulkhead: fatal error, exiting: java.lang.OutOfMemoryError"), stderr);
        assertEquals("", Files.readString(out, StandardCharsets.UTF_8), "the run must not end normally");
    }
}
