package dev.bulkhead.render;

import dev.bulkhead.config.SettingsParser;

import java.nio.file.Path;

/**
 * Renders stacks in a JVM of its own, for {@link ByteIdenticalRenderTest}: every JVM run salts the iteration order of
 * {@code Map.of} and {@code Set.of} anew, so only renders in separate JVMs show whether such an order leaks into
 * the output. Arguments: the project root, the output directory, then the stacks.
 */
public final class FreshJvmRender {

    private FreshJvmRender() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path out = Path.of(args[1]);
        for (int i = 2; i < args.length; i++) {
            Renderer.render(SettingsParser.fromStackFile(root, args[i]), out.resolve(args[i]), false);
        }
    }
}
