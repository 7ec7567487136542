package dev.bulkhead.config;

import java.util.List;
import java.util.Map;

/**
 * One mapping of the config tree, read key by key. Absent keys yield the given default; wrong types are
 * recorded as errors and also yield the default, so reading continues. A mapping that is itself absent or not a
 * mapping reads every key as absent without reporting them as missing: the one error about the mapping suffices.
 */
final class Fields {

    private final ConfigReader reader;
    private final String path;
    private final Map<?, ?> map;
    private final boolean present;

    Fields(ConfigReader reader, String path, Map<?, ?> map) {
        this(reader, path, map, true);
    }

    private Fields(ConfigReader reader, String path, Map<?, ?> map, boolean present) {
        this.reader = reader;
        this.path = path;
        this.map = map;
        this.present = present;
    }

    static Fields absent(ConfigReader reader, String path) {
        return new Fields(reader, path, Map.of(), false);
    }

    /** False when the mapping was not given (or was not a mapping). */
    boolean present() {
        return present;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value at {@code key}, or {@code null} if absent or null. */
    Node node(String key) {
        Object value = map.get(key);
        return value == null ? null : new Node(path(key), value);
    }

    /** The value at {@code key}; if absent, records "missing required key" with what would be valid. */
    Node required(String key, String expected) {
        Node node = node(key);
        if (node == null && present) {
            reader.error(path(key), "missing required key; expected " + expected);
        }
        return node;
    }

    String string(String key, String defaultValue) {
        Node node = node(key);
        String value = node == null ? null : reader.string(node);
        return value == null ? defaultValue : value;
    }

    /** The string at a required key, or {@code null} when missing or not a string (both recorded). */
    String requiredString(String key, String expected) {
        Node node = required(key, expected);
        return node == null ? null : reader.string(node);
    }

    int integer(String key, int defaultValue) {
        Node node = node(key);
        Integer value = node == null ? null : reader.integer(node);
        return value == null ? defaultValue : value;
    }

    boolean bool(String key, boolean defaultValue) {
        Node node = node(key);
        Boolean value = node == null ? null : reader.bool(node);
        return value == null ? defaultValue : value;
    }

    /** A nested mapping; absent (without an error) when not given and not required. */
    Fields fields(String key, List<String> knownKeys, boolean required) {
        Node node = required ? required(key, "a mapping with keys " + String.join(", ", knownKeys)) : node(key);
        return node == null ? absent(reader, path(key)) : reader.fields(node, knownKeys);
    }

    /**
     * The elements of a list, empty when absent. A required list must be given and have at least one element;
     * {@code expected} says what the elements should be.
     */
    List<Node> list(String key, boolean required, String expected) {
        Node node = required ? required(key, "a non-empty list of " + expected) : node(key);
        if (node == null) {
            return List.of();
        }
        List<Node> elements = reader.list(node);
        if (elements == null) {
            return List.of();
        }
        if (required && elements.isEmpty()) {
            reader.error(node.path(), "must not be empty; list at least one: " + expected);
        }
        return elements;
    }
}
