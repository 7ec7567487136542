package dev.bulkhead.render;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the values the mock engine hands over (maps, lists, doubles for every number) into canonical JSON:
 * object keys sorted and integral numbers written as integers, so two renders of one input are byte-identical.
 */
public final class JsonValues {

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private JsonValues() {
    }

    public static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Optional<?> optional) {
            return toJson(optional.orElse(null));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            JsonObject object = new JsonObject();
            sorted.forEach((k, v) -> object.add(k, toJson(v)));
            return object;
        }
        if (value instanceof Collection<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                return new JsonPrimitive((long) d);
            }
            return new JsonPrimitive(number);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        return new JsonPrimitive(String.valueOf(value));
    }

    /** The plain Java value (maps, lists, strings, longs, doubles, booleans) of a JSON element, keys sorted. */
    public static Object toPlain(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonObject()) {
            Map<String, Object> map = new TreeMap<>();
            element.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), toPlain(e.getValue())));
            return map;
        }
        if (element.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            element.getAsJsonArray().forEach(e -> list.add(toPlain(e)));
            return list;
        }
        JsonPrimitive p = element.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            double d = p.getAsDouble();
            return d == Math.rint(d) ? (Object) p.getAsLong() : (Object) d;
        }
        return p.getAsString();
    }

    public static String pretty(JsonElement element) {
        return PRETTY.toJson(element) + "\n";
    }

    /** Parses {@code text} as a JSON object if it is one; empty otherwise. */
    public static Optional<JsonObject> parseObject(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonParser.parseString(trimmed).getAsJsonObject());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
