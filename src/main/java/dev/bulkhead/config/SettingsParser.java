package dev.bulkhead.config;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a validated {@link StackSettings} from a stack's configuration, wherever it comes from: the
 * {@code Pulumi.<stack>.yaml} file (for {@code render} and tests, where no engine runs) or the Pulumi engine's
 * flattened config (in {@code pulumi up}). Both become the same generic tree and go through {@link #parse}, so
 * both paths accept and reject exactly the same configurations.
 */
public final class SettingsParser {

    /** The environment variable in which the Pulumi engine hands a program its config, as a JSON object. */
    public static final String ENGINE_CONFIG_ENV = "PULUMI_CONFIG";

    private static final Gson GSON = new Gson();
    private static final String DUPLICATE_KEY = "found duplicate key ";

    private SettingsParser() {
    }

    /** {@code projectRoot/Pulumi.<stack>.yaml}. */
    public static Path stackFile(Path projectRoot, String stack) {
        return projectRoot.resolve("Pulumi." + stack + ".yaml");
    }

    /**
     * Reads and validates {@code projectRoot/Pulumi.<stack>.yaml}, using only its {@code config:} mapping. Keys
     * written without a namespace belong to the project's namespace, {@code bulkhead}, as Pulumi reads them.
     */
    public static StackSettings fromStackFile(Path projectRoot, String stack) throws ConfigException {
        Path file = stackFile(projectRoot, stack);
        return parse(stack, configOf(file, load(file)));
    }

    /**
     * Validates the engine's config: every value is a string keyed {@code namespace:key}; values starting with
     * {@code {} or {@code [} are the JSON of structured values.
     */
    public static StackSettings fromEngineConfig(String stack, Map<String, String> flat) throws ConfigException {
        Map<String, Object> config = new LinkedHashMap<>();
        List<ConfigError> errors = new ArrayList<>();
        flat.forEach((key, value) -> {
            String trimmed = value == null ? "" : value.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    config.put(key, GSON.fromJson(trimmed, Object.class));
                } catch (JsonParseException e) {
                    errors.add(new ConfigError(key, "is not valid JSON: " + e.getMessage()));
                }
            } else {
                config.put(key, value);
            }
        });
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return parse(stack, config);
    }

    /**
     * Validates a config tree (maps, lists, strings, numbers, booleans, null) keyed by {@code namespace:key} and
     * builds the settings. Every problem is reported at once in the exception.
     */
    public static StackSettings parse(String stack, Map<String, Object> config) throws ConfigException {
        return SettingsReader.read(stack, config);
    }

    /** The engine's config from {@value #ENGINE_CONFIG_ENV}; empty when it is not set (outside {@code pulumi up}). */
    public static Map<String, String> engineConfigFromEnvironment() {
        return engineConfigFromJson(System.getenv(ENGINE_CONFIG_ENV));
    }

    /** A JSON object of config keys to string values; a non-string value is kept as its JSON text. */
    static Map<String, String> engineConfigFromJson(String json) {
        Map<String, String> config = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return config;
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalStateException(ENGINE_CONFIG_ENV + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new IllegalStateException(ENGINE_CONFIG_ENV + " is not a JSON object");
        }
        root.getAsJsonObject().entrySet().forEach(e -> config.put(e.getKey(),
                e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isString()
                        ? e.getValue().getAsString()
                        : e.getValue().toString()));
        return config;
    }

    private static Object load(Path file) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return yaml.load(in);
        } catch (NoSuchFileException e) {
            throw fileError(file, "stack file not found; create it (see docs/configuration.md) or select an existing stack");
        } catch (IOException e) {
            throw fileError(file, "cannot read the stack file: " + e);
        } catch (DuplicateKeyException e) {
            String key = e.getProblem().startsWith(DUPLICATE_KEY) ? e.getProblem().substring(DUPLICATE_KEY.length()) : "?";
            throw fileError(file, "duplicate key " + ConfigReader.quote(key) + at(e.getProblemMark())
                    + "; a key may appear only once in a mapping");
        } catch (MarkedYAMLException e) {
            throw fileError(file, "malformed YAML" + at(e.getProblemMark()) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw fileError(file, "malformed YAML: " + e.getMessage());
        }
    }

    /** The {@code config:} mapping, with namespace-less keys moved into {@code bulkhead:}. */
    private static Map<String, Object> configOf(Path file, Object document) throws ConfigException {
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> top)) {
            throw fileError(file, "expected a mapping with a config: key, got " + ConfigReader.describe(document));
        }
        Object config = top.get("config");
        if (config == null) {
            return Map.of();
        }
        if (!(config instanceof Map<?, ?> entries)) {
            throw fileError(file, "config: must be a mapping of namespace:key to values, got " + ConfigReader.describe(config));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String key = String.valueOf(e.getKey());
            String full = key.contains(":") ? key : SettingsReader.NAMESPACE + ":" + key;
            if (result.putIfAbsent(full, e.getValue()) != null) {
                throw fileError(file, ConfigReader.quote(key) + " and " + ConfigReader.quote(full)
                        + " are the same key; keep one");
            }
        }
        return result;
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static ConfigException fileError(Path file, String message) {
        return new ConfigException(new ConfigError(file.toString(), message));
    }
}
