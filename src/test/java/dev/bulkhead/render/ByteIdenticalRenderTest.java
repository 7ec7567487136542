package dev.bulkhead.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two renders of the same input are byte-identical, across JVMs: dev and prod are rendered in two fresh child JVMs
 * and every output file is compared byte for byte. An unordered map or set on an output path (its order changes
 * with every JVM) makes this fail, and every later {@code pulumi preview} would show a diff.
 */
class ByteIdenticalRenderTest {

    private static final List<String> STACKS = List.of("dev", "prod");

    @Test
    void devAndProdRenderToTheSameBytesInTwoJvms(@TempDir Path tmp) throws Exception {
        Path root = projectRoot();
        Process first = start(root, tmp.resolve("first"), tmp.resolve("first.log"));
        Process second = start(root, tmp.resolve("second"), tmp.resolve("second.log"));
        for (var p : List.of(first, second)) {
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "a render did not finish");
        }
        assertEquals(0, first.exitValue(), () -> read(tmp.resolve("first.log")));
        assertEquals(0, second.exitValue(), () -> read(tmp.resolve("second.log")));

        for (String stack : STACKS) {
            List<Path> a = files(tmp.resolve("first").resolve(stack));
            List<Path> b = files(tmp.resolve("second").resolve(stack));
            assertEquals(a, b, stack + ": the same files");
            assertTrue(a.contains(Path.of(ResourcesJson.FILE)), stack + ": " + a);
            for (Path file : a) {
                assertArrayEquals(Files.readAllBytes(tmp.resolve("first").resolve(stack).resolve(file)),
                        Files.readAllBytes(tmp.resolve("second").resolve(stack).resolve(file)),
                        () -> stack + "/" + file + " differs between two JVMs");
            }
        }
    }

    private static Process start(Path root, Path out, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                FreshJvmRender.class.getName(), root.toString(), out.toString()));
        command.addAll(STACKS);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("Pulumi.dev.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Pulumi.dev.yaml above " + Path.of("").toAbsolutePath());
    }
}
