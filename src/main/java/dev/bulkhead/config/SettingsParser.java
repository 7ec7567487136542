package dev.bulkhead.config;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a validated {@link StackSettings} from a stack's configuration, wherever it comes from: the
 * {@code Pulumi.<stack>.yaml} file (for {@code render} and tests, where no engine runs) or the Pulumi engine's
 * flattened config (in {@code pulumi up}). The file is read as the engine reads it ({@link StackFile}: go-yaml v3's
 * rules, top-level values as text, ambiguous scalars refused), both become the same generic tree and go through
 * the same reader, so both paths accept and reject the same configurations. Errors from the file name their line.
 */
public final class SettingsParser {

    /** The environment variable in which the Pulumi engine hands a program its config, as a JSON object. */
    public static final String ENGINE_CONFIG_ENV = "PULUMI_CONFIG";
    /** The environment variable listing which of those keys hold secrets, as a JSON array. */
    public static final String ENGINE_SECRET_KEYS_ENV = "PULUMI_CONFIG_SECRET_KEYS";

    private static final Gson GSON = new Gson();
    /** What a secret's value becomes: the value itself is dropped, so that no message can show it. */
    private static final String SECRET_MARKER = "{\"" + Secrets.SECURE + "\":\"(secret)\"}";

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
        StackFile.Contents contents = StackFile.read(projectRoot, stack);
        try {
            return SettingsReader.read(stack, contents.config(), contents.refusals());
        } catch (ConfigException e) {
            throw new ConfigException(located(e.errors(), contents.lines()));
        }
    }

    /** Each error with the line of its path, or of the nearest enclosing path the file has, where it has none. */
    private static List<ConfigError> located(List<ConfigError> errors, Map<String, Integer> lines) {
        List<ConfigError> out = new ArrayList<>(errors.size());
        for (ConfigError error : errors) {
            String path = error.path();
            Integer line = null;
            while (error.line() == 0 && line == null && !path.isEmpty()) {
                line = lines.get(path);
                path = path.substring(0, Math.max(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))));
            }
            out.add(line == null ? error : error.at(line));
        }
        return out;
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

    /**
     * The engine's config from {@value #ENGINE_CONFIG_ENV}; empty when it is not set (outside {@code pulumi up}).
     * The values of the keys {@value #ENGINE_SECRET_KEYS_ENV} names are replaced by the mark of a secret, which the
     * reader refuses as it refuses {@code secure:} in a stack file.
     */
    public static Map<String, String> engineConfigFromEnvironment() {
        return withSecretsMarked(engineConfigFromJson(System.getenv(ENGINE_CONFIG_ENV)),
                System.getenv(ENGINE_SECRET_KEYS_ENV));
    }

    /** {@code config} with the value of every key in the JSON array {@code secretKeys} replaced by a secret's mark. */
    static Map<String, String> withSecretsMarked(Map<String, String> config, String secretKeys) {
        if (secretKeys == null || secretKeys.isBlank()) {
            return config;
        }
        Map<String, String> out = new LinkedHashMap<>(config);
        JsonElement keys;
        try {
            keys = JsonParser.parseString(secretKeys);
        } catch (JsonParseException e) {
            throw new IllegalStateException(ENGINE_SECRET_KEYS_ENV + " is not valid JSON: " + e.getMessage(), e);
        }
        if (keys.isJsonArray()) {
            keys.getAsJsonArray().forEach(k -> out.computeIfPresent(k.getAsString(), (key, value) -> SECRET_MARKER));
        }
        return out;
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
}
