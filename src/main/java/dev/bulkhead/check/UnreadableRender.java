package dev.bulkhead.check;

import dev.bulkhead.intent.Intent;
import dev.bulkhead.intent.IntentJson;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.render.ResourcesJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A render directory whose {@code resources.json} or {@code intent.json} cannot be read or understood; the
 * message says which file and why.
 */
public final class UnreadableRender extends Exception {

    public UnreadableRender(String message) {
        super(message);
    }

    /** Reads a render for {@code check}: {@code resources.json} and the config's {@code intent.json}, both required. */
    public static RenderView read(Path dir) throws UnreadableRender {
        return read(dir, true);
    }

    /**
     * @param intentRequired false for {@code reach}, which answers without the config's intent (and then cannot
     *                       name config fixes or projects the render does not label)
     */
    public static RenderView read(Path dir, boolean intentRequired) throws UnreadableRender {
        Path file = dir.resolve(ResourcesJson.FILE);
        String missing = file + " does not exist; render first: ./bulkhead render --stack <stack>";
        if (Files.notExists(file)) {
            throw new UnreadableRender(missing);
        }
        Optional<Intent> intent = intent(dir, intentRequired);
        try {
            List<RenderedResource> resources;
            try {
                resources = ResourcesJson.read(file);
            } catch (NoSuchFileException e) {
                throw new UnreadableRender(missing);
            } catch (IOException e) {
                throw new UnreadableRender("cannot read " + file + ": " + e.getMessage());
            }
            if (resources.isEmpty()) {
                // every rule would hold on nothing; an empty render is a broken one
                throw new UnreadableRender(file + " holds no resources; render the stack again");
            }
            RenderView view = intent.map(i -> new RenderView(resources, i)).orElseGet(() -> new RenderView(resources));
            view.evaluator(); // refuse malformed NetworkPolicies here, not halfway through the rules
            return view;
        } catch (IllegalArgumentException e) {
            throw new UnreadableRender(file + ": " + e.getMessage());
        }
    }

    private static Optional<Intent> intent(Path dir, boolean required) throws UnreadableRender {
        Path file = dir.resolve(Intent.FILE);
        Optional<String> text = text(file);
        if (text.isEmpty()) {
            if (required) {
                throw new UnreadableRender(file + " does not exist: without the flows its config declares, a render "
                        + "cannot be judged; render it again with this version: ./bulkhead render --stack <stack>");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(IntentJson.read(text.get()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableRender(file + ": " + e.getMessage());
        }
    }

    private static Optional<String> text(Path file) throws UnreadableRender {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UnreadableRender("cannot read " + file + ": " + e.getMessage());
        }
    }
}
