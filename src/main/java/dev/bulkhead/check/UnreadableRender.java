package dev.bulkhead.check;

import dev.bulkhead.render.ResourcesJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A render directory whose {@code resources.json} cannot be read or understood; the message says why. */
public final class UnreadableRender extends Exception {

    public UnreadableRender(String message) {
        super(message);
    }

    /** Reads {@code dir/resources.json} (and nothing else) into a view of the render. */
    public static RenderView read(Path dir) throws UnreadableRender {
        Path file = dir.resolve(ResourcesJson.FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnreadableRender(file + " does not exist; render first: ./bulkhead render --stack <stack>");
        } catch (IOException e) {
            throw new UnreadableRender("cannot read " + file + ": " + e.getMessage());
        }
        try {
            var resources = ResourcesJson.read(text);
            if (resources.isEmpty()) {
                // every rule would hold on nothing; an empty render is a broken one
                throw new UnreadableRender(file + " holds no resources; render the stack again");
            }
            RenderView view = new RenderView(resources);
            view.evaluator(); // refuse malformed NetworkPolicies here, not halfway through the rules
            return view;
        } catch (IllegalArgumentException e) {
            throw new UnreadableRender(file + ": " + e.getMessage());
        }
    }
}
