package dev.bulkhead.engine;

import com.google.gson.GsonBuilder;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The config the Pulumi engine hands a program in {@code PULUMI_CONFIG}, built from {@code Pulumi.yaml} and
 * {@code Pulumi.<stack>.yaml} as the engine builds it: keys qualified with the project's namespace, a project
 * default for every declared key the stack does not set, a top-level scalar as the text written in the file, and a
 * mapping or list as JSON (object keys sorted, as Go writes them) of the values go-yaml v3 reads: YAML 1.2 core
 * scalars, so {@code yes} and {@code on} stay strings.
 *
 * <p>Only what can be encoded with certainty is accepted: aliases, merge keys, explicit tags other than
 * {@code !!str}, secrets, timestamps, and numbers that YAML 1.1 and 1.2 read differently (leading zeros, {@code _},
 * {@code 0x}, {@code 0o}, {@code .inf}) make it throw rather than guess.
 */
final class EngineConfig {

    private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern UNCERTAIN = Pattern.compile(
            "[-+]?0[0-9_]+.*|[-+]?[0-9][0-9_]*_[0-9_]*|0[xXoObB].*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                    + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");

    /** A scalar with the text written in the file and the value go-yaml v3 reads from it. */
    private record Scalar(String text, Object value) {
    }

    private EngineConfig() {
    }

    /** {@code PULUMI_CONFIG} for {@code stack} of the project in {@code root}: a JSON object of strings. */
    static String encode(Path root, String stack) {
        Map<String, Object> project = mapping(read(root.resolve("Pulumi.yaml")), "Pulumi.yaml");
        String namespace = ((Scalar) project.get("name")).text();
        Map<String, Object> stackFile = mapping(read(root.resolve("Pulumi." + stack + ".yaml")), "Pulumi." + stack + ".yaml");
        Map<String, String> config = new TreeMap<>();
        if (stackFile.get("config") instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> config.put(qualified(namespace, (String) key), engineValue(value)));
        }
        if (project.get("config") instanceof Map<?, ?> declared) {
            declared.forEach((key, declaration) -> {
                String full = qualified(namespace, (String) key);
                if (config.containsKey(full)) {
                    return;
                }
                if (declaration instanceof Map<?, ?> d && d.containsKey("default")) {
                    config.put(full, engineValue(d.get("default")));
                } else {
                    throw new IllegalArgumentException("stack " + stack + " is missing configuration value " + full);
                }
            });
        }
        return new GsonBuilder().disableHtmlEscaping().create().toJson(config);
    }

    private static String qualified(String namespace, String key) {
        return key.contains(":") ? key : namespace + ":" + key;
    }

    /** A top-level value: a scalar's text, or the JSON of a mapping or a list. */
    private static String engineValue(Object node) {
        if (node instanceof Scalar scalar) {
            return scalar.text();
        }
        return new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(plain(node));
    }

    private static Object plain(Object node) {
        if (node instanceof Scalar scalar) {
            return scalar.value();
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, plain(v)));
            return sorted;
        }
        List<Object> list = new ArrayList<>();
        ((List<?>) node).forEach(v -> list.add(plain(v)));
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object node, String file) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(file + " is not a mapping");
        }
        return (Map<String, Object>) node;
    }

    private static Object read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Iterator<Event> events = new Yaml(new LoaderOptions()).parse(in).iterator();
            Object document = null;
            while (events.hasNext()) {
                Event event = events.next();
                if (event.is(Event.ID.MappingStart) || event.is(Event.ID.SequenceStart) || event.is(Event.ID.Scalar)) {
                    document = node(event, events, file);
                } else if (event.is(Event.ID.Alias)) {
                    throw uncertain(file, "an alias");
                }
            }
            return document;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Object node(Event start, Iterator<Event> events, Path file) {
        if (start.is(Event.ID.Scalar)) {
            return scalar((ScalarEvent) start, file);
        }
        if (start.is(Event.ID.Alias)) {
            throw uncertain(file, "an alias");
        }
        if (start.is(Event.ID.SequenceStart)) {
            List<Object> list = new ArrayList<>();
            for (Event e = events.next(); !e.is(Event.ID.SequenceEnd); e = events.next()) {
                list.add(node(e, events, file));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Event e = events.next(); !e.is(Event.ID.MappingEnd); e = events.next()) {
            if (!(node(e, events, file) instanceof Scalar key) || !(key.value() instanceof String name)) {
                throw uncertain(file, "a mapping key that is not a string");
            }
            if (name.equals("<<")) {
                throw uncertain(file, "a merge key");
            }
            if (name.equals("secure")) {
                throw uncertain(file, "a secret");
            }
            if (map.put(name, node(events.next(), events, file)) != null) {
                throw new IllegalArgumentException(file + ": duplicate key " + name);
            }
        }
        return map;
    }

    /** A scalar as go-yaml v3 resolves it when decoding into an untyped value (YAML 1.2 core schema). */
    private static Scalar scalar(ScalarEvent event, Path file) {
        String text = event.getValue();
        String tag = event.getTag();
        if (tag != null && !tag.equals("!") && !tag.equals("tag:yaml.org,2002:str")) {
            throw uncertain(file, "the tag " + tag);
        }
        if (tag != null || event.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return new Scalar(text, text);
        }
        if (UNCERTAIN.matcher(text).matches()) {
            throw uncertain(file, "the scalar " + text);
        }
        return switch (text) {
            case "", "~", "null", "Null", "NULL" -> new Scalar(text, null);
            case "true", "True", "TRUE" -> new Scalar(text, true);
            case "false", "False", "FALSE" -> new Scalar(text, false);
            default -> {
                if (INT.matcher(text).matches()) {
                    yield new Scalar(text, new BigInteger(text.startsWith("+") ? text.substring(1) : text));
                }
                if (FLOAT.matcher(text).matches()) {
                    yield new Scalar(text, new BigDecimal(text));
                }
                yield new Scalar(text, text);
            }
        };
    }

    private static IllegalArgumentException uncertain(Path file, String what) {
        return new IllegalArgumentException(file + " holds " + what + ", which this encoder does not encode as the "
                + "engine would with certainty");
    }
}
