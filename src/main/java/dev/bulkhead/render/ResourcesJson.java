package dev.bulkhead.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code resources.json}, the single source of truth of a render: one object per registered resource, in
 * registration order, with {@code urn, type, name, parent, provider, inputs}. Later tools read only this file.
 */
public final class ResourcesJson {

    public static final String FILE = "resources.json";

    private ResourcesJson() {
    }

    public static String write(List<RenderedResource> resources) {
        JsonArray array = new JsonArray();
        for (RenderedResource r : resources) {
            JsonObject o = new JsonObject();
            o.addProperty("urn", r.urn());
            o.addProperty("type", r.type());
            o.addProperty("name", r.name());
            o.add("parent", r.parent().<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
            o.add("provider", r.provider().<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
            o.add("inputs", JsonValues.toJson(r.inputs()));
            array.add(o);
        }
        return JsonValues.pretty(array);
    }

    /**
     * Reads a {@code resources.json} back. A file that is not a JSON array of such objects is an
     * {@link IllegalArgumentException} whose message says what is wrong and where.
     */
    public static List<RenderedResource> read(String text) {
        try {
            return ResourcesStream.read(new StringReader(text)).orElseGet(() -> readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /**
     * Reads the {@code resources.json} file {@code file} as {@link #read(String)} does, streaming it when it is
     * well formed.
     *
     * @throws IOException when it cannot be read ({@link java.nio.file.NoSuchFileException} when it does not exist)
     */
    public static List<RenderedResource> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Optional<List<RenderedResource>> resources = ResourcesStream.read(in);
            if (resources.isPresent()) {
                return resources.get();
            }
        }
        return readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Reads through a JSON tree, which says precisely what is wrong with a malformed file. */
    @SuppressWarnings("unchecked")
    private static List<RenderedResource> readTree(String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("resources.json is not valid JSON: " + rootCause(e).getMessage(), e);
        }
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException("resources.json must be a JSON array of resources");
        }
        List<RenderedResource> out = new ArrayList<>();
        Map<String, Integer> urns = new HashMap<>();
        int index = 0;
        for (JsonElement e : root.getAsJsonArray()) {
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("resources.json[" + index + "] is not an object");
            }
            JsonObject o = e.getAsJsonObject();
            String urn = requiredString(o, "urn", index);
            Integer first = urns.putIfAbsent(urn, index);
            if (first != null) {
                throw new IllegalArgumentException("resources.json[" + index + "] has the URN of resources.json[" + first
                        + "] (" + urn + "); a URN names one resource");
            }
            String type = requiredString(o, "type", index);
            String name = requiredString(o, "name", index);
            JsonElement inputs = o.get("inputs");
            if (inputs == null || !inputs.isJsonObject()) {
                throw new IllegalArgumentException("resources.json[" + index + "] (" + urn + ") has no inputs object");
            }
            out.add(new RenderedResource(urn, type, name, optionalString(o, "parent", index),
                    optionalString(o, "provider", index), (Map<String, Object>) JsonValues.toPlain(inputs)));
            index++;
        }
        return out;
    }

    private static String requiredString(JsonObject o, String key, int index) {
        JsonElement v = o.get(key);
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("resources.json[" + index + "] has no string \"" + key + "\"");
        }
        return v.getAsString();
    }

    private static Optional<String> optionalString(JsonObject o, String key, int index) {
        JsonElement v = o.get(key);
        if (v == null || v.isJsonNull()) {
            return Optional.empty();
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("resources.json[" + index + "]: \"" + key + "\" must be a URN string or "
                    + "null, not " + v);
        }
        return Optional.of(v.getAsString());
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
