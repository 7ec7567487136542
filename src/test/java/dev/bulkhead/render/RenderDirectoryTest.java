package dev.bulkhead.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderDirectoryTest {

    @Test
    void replacesThePreviousRenderWhole(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out/dev");
        RenderDirectory.replace(out, Map.of("resources.json", "[1]", "kubernetes/a.yaml", "a"));
        RenderDirectory.replace(out, Map.of("resources.json", "[2]"));
        assertEquals("[2]", Files.readString(out.resolve("resources.json")));
        assertFalse(Files.exists(out.resolve("kubernetes/a.yaml")), "files of the previous render are gone");
        try (var siblings = Files.list(out.getParent())) {
            assertEquals(1, siblings.count(), "no staging directory is left behind");
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousRenderIntact(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("dev");
        RenderDirectory.replace(out, Map.of("resources.json", "[1]"));
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("resources.json", "[2]");
        broken.put("resources.json/impossible", "a file below a file cannot be written");
        assertThrows(UncheckedIOException.class, () -> RenderDirectory.replace(out, broken));
        assertEquals("[1]", Files.readString(out.resolve("resources.json")));
        try (var siblings = Files.list(tmp)) {
            assertEquals(1, siblings.count(), "the staging directory was removed");
        }
    }

    @Test
    void createsMissingParents(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("a/b/c");
        RenderDirectory.replace(out, Map.of("x.json", "{}"));
        assertTrue(Files.isRegularFile(out.resolve("x.json")));
    }
}
