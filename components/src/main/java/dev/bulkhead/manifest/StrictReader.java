package dev.bulkhead.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a manifest's plain tree for conversion to typed arguments, refusing anything unexpected: an unknown field
 * would otherwise be dropped silently and the object created would be looser than the one generated.
 */
final class StrictReader {

    private final String object;

    StrictReader(Manifest manifest) {
        this.object = manifest.id();
    }

    Map<String, Object> map(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> typed = new LinkedHashMap<>();
            map.forEach((k, v) -> typed.put((String) k, v));
            return typed;
        }
        throw fail(path, "expected an object");
    }

    List<?> list(Object value, String path) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw fail(path, "expected a list");
    }

    String string(Object value, String path) {
        if (value instanceof String s) {
            return s;
        }
        throw fail(path, "expected a string");
    }

    int integer(Object value, String path) {
        if (value instanceof Integer i) {
            return i;
        }
        throw fail(path, "expected an integer");
    }

    boolean bool(Object value, String path) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw fail(path, "expected a boolean");
    }

    List<String> strings(Object value, String path) {
        List<?> list = list(value, path);
        for (int i = 0; i < list.size(); i++) {
            string(list.get(i), path + "[" + i + "]");
        }
        @SuppressWarnings("unchecked")
        List<String> strings = (List<String>) list;
        return strings;
    }

    Map<String, String> stringMap(Object value, String path) {
        Map<String, Object> map = map(value, path);
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((k, v) -> strings.put(k, string(v, path + "." + k)));
        return strings;
    }

    void onlyKeys(Map<String, Object> map, String path, Set<String> allowed) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw fail(path.isEmpty() ? key : path + "." + key, "is not supported here");
            }
        }
    }

    IllegalArgumentException fail(String path, String problem) {
        return new IllegalArgumentException(object + ": " + path + ": " + problem);
    }
}
