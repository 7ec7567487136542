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

    @Test
    void everyRenderIsMarkedAndAMarkedRenderIsReplaced(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("dev");
        RenderDirectory.replace(out, Map.of("resources.json", "[1]"));
        assertEquals(RenderDirectory.MARKER_TEXT, Files.readString(out.resolve(RenderDirectory.MARKER)));
        Files.writeString(out.resolve("check.md"), "written by check");
        RenderDirectory.replace(out, Map.of("resources.json", "[2]"));
        assertEquals("[2]", Files.readString(out.resolve("resources.json")));
    }

    @Test
    void aDirectoryThatIsNotARenderIsNeverReplaced(@TempDir Path tmp) throws IOException {
        Path notes = tmp.resolve("notes");
        Files.createDirectories(notes);
        Files.writeString(notes.resolve("thesis.tex"), "years of work");
        RenderException e = assertThrows(RenderException.class,
                () -> RenderDirectory.replace(notes, Map.of("resources.json", "[1]")));
        assertTrue(e.getMessage().contains("holds files but no .bulkhead-render"), e.getMessage());
        assertEquals("years of work", Files.readString(notes.resolve("thesis.tex")));

        Path project = tmp.resolve("project");
        Files.createDirectories(project);
        Files.writeString(project.resolve("Pulumi.yaml"), "name: x");
        Files.writeString(project.resolve(RenderDirectory.MARKER), "");
        assertThrows(RenderException.class, () -> RenderDirectory.replace(project, Map.of("a", "b")));
        assertTrue(Files.exists(project.resolve("Pulumi.yaml")));

        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertThrows(RenderException.class, () -> RenderDirectory.replace(file, Map.of("a", "b")));
    }

    @Test
    void theCurrentDirectoryAndItsParentsAreNeverReplaced() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir : java.util.List.of(Path.of("."), cwd, cwd.getParent(), cwd.getRoot())) {
            RenderException e = assertThrows(RenderException.class,
                    () -> RenderDirectory.replace(dir, Map.of("resources.json", "[1]")), dir::toString);
            assertTrue(e.getMessage().contains("the current directory or holds it"), e.getMessage());
        }
        assertTrue(Files.exists(cwd.resolve("pom.xml")), "the checkout is intact");
    }

    @Test
    void anEmptyDirectoryOrAnUnmarkedEarlierRenderMayBeReplaced(@TempDir Path tmp) throws IOException {
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        RenderDirectory.replace(empty, Map.of("resources.json", "[1]"));
        assertTrue(Files.exists(empty.resolve(RenderDirectory.MARKER)));

        Path earlier = tmp.resolve("earlier");
        Files.createDirectories(earlier.resolve("kubernetes"));
        Files.writeString(earlier.resolve("resources.json"), "[0]");
        Files.writeString(earlier.resolve("check.json"), "{}");
        RenderDirectory.replace(earlier, Map.of("resources.json", "[1]"));
        assertEquals("[1]", Files.readString(earlier.resolve("resources.json")));
    }
}
