package dev.bulkhead.check.authority;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lenient reads of the plain values in a render (maps, lists, strings): what is not of the expected shape reads as
 * empty, so an unexpected value never grants a guard or a permission that is not there.
 */
final class Values {

    private Values() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        list(value).forEach(item -> out.add(map(item)));
        return out;
    }

    /** A list of strings, or one string as a list of one. */
    static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value instanceof String s ? List.of(s) : List.of();
    }
}
