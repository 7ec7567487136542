package dev.bulkhead.render;

import dev.bulkhead.intent.Intent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a render's files so that the output directory is replaced only when everything was written: files go
 * to a fresh sibling directory first, which then takes the place of the old one. A failure leaves the previous
 * render untouched.
 *
 * <p>Only a previous render is ever replaced. Every render writes a marker file ({@value #MARKER}); an existing
 * directory without it, unless empty, is refused, as is the current directory (or one holding it) and a Pulumi
 * project: {@code --out .} must never delete a checkout.
 */
public final class RenderDirectory {

    /** The file that marks a directory as a render that the next render may replace. */
    public static final String MARKER = ".bulkhead-render";
    static final String MARKER_TEXT = "Written by bulkhead render. The next render into this directory replaces it "
            + "whole.\n";

    /** What an unmarked directory may hold and still be taken for an earlier render. */
    private static final List<String> UNMARKED_RENDER = List.of(ResourcesJson.FILE,
            stripSlash(KubernetesManifests.DIR), stripSlash(PolicyDocuments.DIR), Intent.FILE, Renderer.COST_FILE, "check.md",
            "check.json");

    private RenderDirectory() {
    }

    /**
     * Throws a {@link RenderException} saying why, when {@code dir} may not be replaced by a render: it is not a
     * directory, it is (or holds) the current directory, it is a Pulumi project, or it holds files and is not a
     * previous render.
     */
    public static void checkReplaceable(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (target.getParent() == null || cwd.startsWith(target)) {
            throw new RenderException(target + " is the current directory or holds it; render into a directory of "
                    + "its own, e.g. out/<stack>");
        }
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new RenderException(target + " is a file, not a render directory; choose another --out");
        }
        if (Files.exists(target.resolve("Pulumi.yaml"))) {
            throw new RenderException(target + " is a Pulumi project, not a render directory; choose another --out");
        }
        if (!Files.exists(target.resolve(MARKER)) && !isEmpty(target) && !isUnmarkedRender(target)) {
            throw new RenderException(target + " holds files but no " + MARKER + ", so it is not a previous render and "
                    + "is not replaced; choose a new or empty directory for --out, or remove it yourself");
        }
    }

    public static void replace(Path dir, Map<String, String> files) {
        checkReplaceable(dir);
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
            try {
                Files.writeString(staging.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
                for (var file : files.entrySet()) {
                    Path path = staging.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                }
                Path old = null;
                if (Files.exists(target)) {
                    old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
                    Files.delete(old);
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                if (old != null) {
                    deleteTree(old);
                }
            } catch (IOException | RuntimeException e) {
                deleteTree(staging);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the render to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * A render written before renders were marked: {@code resources.json} and nothing but what render and check
     * write beside it.
     */
    private static boolean isUnmarkedRender(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            var names = entries.map(p -> p.getFileName().toString()).toList();
            return names.contains(ResourcesJson.FILE) && UNMARKED_RENDER.containsAll(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String stripSlash(String dir) {
        return dir.substring(0, dir.length() - 1);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
