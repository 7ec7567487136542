package dev.bulkhead.render;

import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import com.google.gson.stream.MalformedJsonException;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a well-formed {@code resources.json} straight into plain values, token by token, without the whole text
 * or a JSON tree in memory: a render of 500 projects is 86 MB of JSON, and its tree is several times that. Equal
 * strings are read into one instance (keys, kinds, label values repeat across thousands of objects). The values are
 * those {@link ResourcesJson#read(String)} gives, with the same lenient parsing; any input it would refuse reads
 * as empty here, so that it, not this, says what is wrong.
 */
final class ResourcesStream {

    /** Strings longer than this are rarely repeated: they are kept as read. */
    private static final int SHARED_LENGTH = 128;

    private final JsonReader in;
    private final Map<String, String> strings = new HashMap<>();

    private ResourcesStream(Reader reader) {
        this.in = new JsonReader(reader);
        in.setStrictness(Strictness.LENIENT);
    }

    /**
     * The resources of {@code reader}, or empty when it is not a well-formed {@code resources.json}.
     *
     * @throws IOException when the reader fails
     */
    static Optional<List<RenderedResource>> read(Reader reader) throws IOException {
        try {
            return new ResourcesStream(reader).resources();
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<List<RenderedResource>> resources() throws IOException {
        if (in.peek() != JsonToken.BEGIN_ARRAY) {
            return Optional.empty();
        }
        in.beginArray();
        List<RenderedResource> out = new ArrayList<>();
        Set<String> urns = new HashSet<>();
        while (in.hasNext()) {
            if (in.peek() != JsonToken.BEGIN_OBJECT || !(value() instanceof Map<?, ?> o)) {
                return Optional.empty();
            }
            if (!(o.get("urn") instanceof String urn) || !urns.add(urn) || !(o.get("type") instanceof String type)
                    || !(o.get("name") instanceof String name) || !(o.get("inputs") instanceof Map<?, ?> inputs)
                    || !nullOrString(o.get("parent")) || !nullOrString(o.get("provider"))) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> plainInputs = (Map<String, Object>) inputs;
            out.add(new RenderedResource(urn, type, name, Optional.ofNullable((String) o.get("parent")),
                    Optional.ofNullable((String) o.get("provider")), plainInputs));
        }
        in.endArray();
        return in.peek() == JsonToken.END_DOCUMENT ? Optional.of(out) : Optional.empty();
    }

    private static boolean nullOrString(Object value) {
        return value == null || value instanceof String;
    }

    /** The next value as {@link JsonValues#toPlain} makes it: objects as maps with sorted keys. */
    private Object value() throws IOException {
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> map = new TreeMap<>();
                in.beginObject();
                while (in.hasNext()) {
                    String key = shared(in.nextName());
                    map.put(key, value());
                }
                in.endObject();
                return map;
            }
            case BEGIN_ARRAY -> {
                List<Object> list = new ArrayList<>();
                in.beginArray();
                while (in.hasNext()) {
                    list.add(value());
                }
                in.endArray();
                return list;
            }
            case STRING -> {
                return shared(in.nextString());
            }
            case NUMBER -> {
                return JsonValues.toPlain(new JsonPrimitive(new LazilyParsedNumber(in.nextString())));
            }
            case BOOLEAN -> {
                return in.nextBoolean();
            }
            case NULL -> {
                in.nextNull();
                return null;
            }
            default -> throw new IllegalStateException("unexpected " + in.peek());
        }
    }

    private String shared(String s) {
        return s.length() > SHARED_LENGTH ? s : strings.computeIfAbsent(s, k -> k);
    }
}
