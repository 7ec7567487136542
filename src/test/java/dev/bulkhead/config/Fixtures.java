package dev.bulkhead.config;

import com.google.gson.Gson;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Test helpers: the fixture stack files, a mutable copy of their config, and assertions on errors. */
final class Fixtures {

    /** Passed to {@link #set} to delete a key or list element. */
    static final Object REMOVE = new Object();

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private Fixtures() {
    }

    /** The directory holding {@code Pulumi.reference.yaml} and the other fixtures. */
    static Path resources() {
        try {
            return Path.of(Fixtures.class.getResource("/config/Pulumi.reference.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository root: the nearest directory upwards holding {@code Pulumi.dev.yaml}. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("Pulumi.dev.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Pulumi.dev.yaml above " + Path.of("").toAbsolutePath());
    }

    /** A fresh, mutable copy of a fixture's {@code config:} mapping. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> config(String stack) {
        try (Reader in = Files.newBufferedReader(resources().resolve("Pulumi." + stack + ".yaml"))) {
            Map<String, Object> top = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return (Map<String, Object>) top.get("config");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> reference() {
        return config("reference");
    }

    /** Sets (or with {@link #REMOVE} deletes) the value at a path like {@code bulkhead:projects[0].namespaces[1]}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> set(Map<String, Object> config, String path, Object value) {
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            segments.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
        }
        Object container = config;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object segment = segments.get(i);
            Object next = segment instanceof Integer index
                    ? ((List<Object>) container).get(index)
                    : ((Map<String, Object>) container).computeIfAbsent((String) segment, k -> new LinkedHashMap<>());
            container = next;
        }
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer index) {
            List<Object> list = (List<Object>) container;
            if (value == REMOVE) {
                list.remove((int) index);
            } else if (index == list.size()) {
                list.add(value);
            } else {
                list.set(index, value);
            }
        } else if (value == REMOVE) {
            ((Map<String, Object>) container).remove(last);
        } else {
            ((Map<String, Object>) container).put((String) last, value);
        }
        return config;
    }

    /** A mapping from alternating keys and values, keeping their order. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A mutable list. */
    static List<Object> list(Object... elements) {
        return new ArrayList<>(List.of(elements));
    }

    static List<ConfigError> errors(Map<String, Object> config) {
        return assertThrows(ConfigException.class, () -> SettingsParser.parse("test", config)).errors();
    }

    /** Asserts the config has exactly one error, at {@code path}, whose message contains every fragment. */
    static ConfigError assertOnlyError(Map<String, Object> config, String path, String... fragments) {
        List<ConfigError> errors = errors(config);
        assertEquals(1, errors.size(), () -> "expected one error, got:\n" + join(errors));
        assertError(errors.get(0), path, fragments);
        return errors.get(0);
    }

    static void assertError(ConfigError error, String path, String... fragments) {
        assertEquals(path, error.path(), error::toString);
        for (String fragment : fragments) {
            assertTrue(error.message().contains(fragment), () -> "\"" + fragment + "\" not in: " + error);
        }
    }

    static StackSettings parse(Map<String, Object> config) {
        try {
            return SettingsParser.parse("test", config);
        } catch (ConfigException e) {
            return fail("expected a valid config, got:\n" + e.getMessage());
        }
    }

    /** The engine's view of a config: top-level values as strings, structured ones as JSON. */
    static Map<String, String> flatten(Map<String, Object> config) {
        Gson gson = new Gson();
        Map<String, String> flat = new LinkedHashMap<>();
        config.forEach((k, v) -> flat.put(k, v instanceof Map || v instanceof List ? gson.toJson(v) : String.valueOf(v)));
        return flat;
    }

    private static String join(List<ConfigError> errors) {
        return String.join("\n", errors.stream().map(ConfigError::toString).toList());
    }
}
