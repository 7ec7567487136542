package dev.bulkhead.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a render's files so that the output directory is replaced only when everything was written: files go
 * to a fresh sibling directory first, which then takes the place of the old one. A failure leaves the previous
 * render untouched.
 */
public final class RenderDirectory {

    private RenderDirectory() {
    }

    public static void replace(Path dir, Map<String, String> files) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
            try {
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
