package dev.bulkhead.check;

import java.util.List;
import java.util.Map;

/** Safe reads of the plain JSON values (maps, lists, strings, numbers) in a rendered resource's inputs. */
final class Plain {

    private Plain() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** A string, or a single string wrapped as a list (IAM allows both). */
    static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        return list(value).stream().map(String::valueOf).toList();
    }

    static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** The value at a dotted path of maps, or null. */
    static Object at(Map<String, Object> root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    /** A JSON number as an integer string ({@code 1.0} is {@code "1"}); anything else as it prints. */
    static String integer(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(value);
    }

    static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : "true".equals(String.valueOf(value));
    }
}
