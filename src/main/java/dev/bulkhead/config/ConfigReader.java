package dev.bulkhead.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the generic config tree (maps, lists, strings, numbers, booleans) into typed values and collects every
 * error with its key path instead of stopping at the first. A read that fails records an error and returns
 * {@code null}; callers then fall back to a default so that reading goes on and finds the next problem.
 */
final class ConfigReader {

    /** At most this many unknown keys of one mapping are listed one by one; the rest are counted. */
    static final int UNKNOWN_KEYS_LISTED = 10;

    private final List<ConfigError> errors = new ArrayList<>();

    ConfigReader() {
    }

    /** A reader that starts with errors found before reading (values refused while reading a stack file). */
    ConfigReader(List<ConfigError> earlier) {
        errors.addAll(earlier);
    }

    /** Every error so far. */
    List<ConfigError> errors() {
        return errors;
    }

    /** True when {@code node} holds a value that was refused (and reported) while reading the stack file. */
    static boolean refused(Node node) {
        return node != null && node.value() == Refused.VALUE;
    }

    void error(String path, String message) {
        errors.add(new ConfigError(path, message));
    }

    /** How many errors so far: compare before and after a group of reads to know whether they all succeeded. */
    int errorCount() {
        return errors.size();
    }

    /** Throws every error collected so far, if there is any. */
    void throwIfErrors() throws ConfigException {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    String string(Node node) {
        if (refused(node)) {
            return null;
        }
        if (node.value() instanceof String s) {
            return s;
        }
        String hint = node.value() instanceof Number || node.value() instanceof Boolean
                ? "; quote it to make it a string: " + quote(format(node.value()))
                : "";
        error(node.path(), "expected a string, got " + describe(node.value()) + hint);
        return null;
    }

    Integer integer(Node node) {
        Object v = node.value();
        if (refused(node)) {
            return null;
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof WrittenNumber written) {
            // pulumi hands the program 3.0 as 3; a stack file says which was written, and an integer is written as one
            error(node.path(), "expected an integer, got number " + written.text() + (written.integral()
                    ? "; write it as an integer: " + written.longValue() : " (it has a fraction)"));
            return null;
        }
        if (v instanceof Long || v instanceof Double || v instanceof BigInteger) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
            String why = d == Math.rint(d) ? "it is too large" : "it has a fraction";
            error(node.path(), "expected an integer, got number " + format(v) + " (" + why + ")");
            return null;
        }
        error(node.path(), "expected an integer, got " + describe(v));
        return null;
    }

    Boolean bool(Node node) {
        if (refused(node)) {
            return null;
        }
        if (node.value() instanceof Boolean b) {
            return b;
        }
        error(node.path(), "expected true or false, got " + describe(node.value()));
        return null;
    }

    /** The elements of a list, each with its indexed path; {@code null} (and an error) if it is not a list. */
    List<Node> list(Node node) {
        if (refused(node)) {
            return null;
        }
        if (node.value() instanceof List<?> list) {
            List<Node> nodes = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                nodes.add(node.element(i, list.get(i)));
            }
            return nodes;
        }
        error(node.path(), "expected a list, got " + describe(node.value()));
        return null;
    }

    /**
     * A mapping with a fixed set of keys. Every other key is reported, with the closest known key as a hint. When
     * the value is not a mapping, an error is recorded and the result reads as absent.
     */
    Fields fields(Node node, List<String> knownKeys) {
        if (refused(node)) {
            return Fields.absent(this, node.path());
        }
        if (!(node.value() instanceof Map<?, ?> map)) {
            error(node.path(), "expected a mapping with keys " + String.join(", ", knownKeys) + ", got "
                    + describe(node.value()));
            return Fields.absent(this, node.path());
        }
        unknownKeys(node.path(), map.keySet().stream().map(String::valueOf).filter(k -> !knownKeys.contains(k)).toList(),
                knownKeys, k -> node.path() + "." + k);
        return new Fields(this, node.path(), map);
    }

    /** A mapping whose keys the user chooses (labels, say): its entries, each keyed by a string. */
    List<Map.Entry<String, Node>> entries(Node node) {
        if (refused(node)) {
            return null;
        }
        if (!(node.value() instanceof Map<?, ?> map)) {
            error(node.path(), "expected a mapping, got " + describe(node.value()));
            return null;
        }
        List<Map.Entry<String, Node>> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() instanceof String key) {
                entries.add(Map.entry(key, node.entry(key, e.getValue())));
            } else {
                error(node.entry(String.valueOf(e.getKey()), e.getValue()).path(),
                        "expected a string key, got " + describe(e.getKey()) + "; quote it");
            }
        }
        return entries;
    }

    /**
     * Reports each of {@code unknown} at {@code pathOf(key)}, the first {@value #UNKNOWN_KEYS_LISTED} one by one and
     * the rest in one error, so that a file of thousands of stray keys yields a readable list.
     */
    void unknownKeys(String where, List<String> unknown, List<String> knownKeys,
                     java.util.function.UnaryOperator<String> pathOf) {
        for (String key : unknown.subList(0, Math.min(unknown.size(), UNKNOWN_KEYS_LISTED))) {
            error(pathOf.apply(key), unknownKey(key, knownKeys));
        }
        if (unknown.size() > UNKNOWN_KEYS_LISTED) {
            error(where.isEmpty() ? "config" : where, "and " + (unknown.size() - UNKNOWN_KEYS_LISTED)
                    + " more unknown keys; valid keys: " + String.join(", ", knownKeys));
        }
    }

    /** The message for a key that is not one of {@code knownKeys}. */
    static String unknownKey(String key, List<String> knownKeys) {
        return "unknown key " + quote(key)
                + Suggestions.didYouMean(key, knownKeys, "valid keys: " + String.join(", ", knownKeys));
    }

    /** A value as a user would recognise it in an error message, with its type. */
    static String describe(Object v) {
        if (v == null) {
            return "nothing (null)";
        }
        if (v instanceof String s) {
            return "string " + quote(s);
        }
        if (v instanceof Boolean b) {
            return "boolean " + b;
        }
        if (v instanceof Number n) {
            return "number " + format(n);
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return "a " + v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /**
     * A scalar as text: numbers in their shortest form, integral ones without a fraction. The engine hands the program
     * {@code 1.50} as the JSON number 1.5 (and gson reads every JSON number as a double), so a stack file's number is
     * written the same way: both paths then read the same text.
     */
    static String format(Object v) {
        if (v instanceof Double || v instanceof Float || v instanceof WrittenNumber) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            }
        }
        return String.valueOf(v);
    }

    /**
     * A string in double quotes, with quotes, backslashes and line breaks escaped, and any credential in it
     * replaced (see {@link Credentials}): every value an error message shows goes through here.
     */
    static String quote(String value) {
        String s = Credentials.redact(value);
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
