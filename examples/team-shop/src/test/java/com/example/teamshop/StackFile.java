package com.example.teamshop;

import com.google.gson.Gson;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A stack file's config as the Pulumi engine hands it to the program: each key {@code namespace:name}, each value a
 * string, structured values as JSON. The mock engine takes no config, so tests read the file this way.
 */
final class StackFile {

    private StackFile() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> config(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            Map<String, Object> top = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromReader(in);
            Map<String, String> flat = new LinkedHashMap<>();
            ((Map<String, Object>) top.get("config")).forEach((key, value) -> flat.put(key,
                    value instanceof Map || value instanceof List ? new Gson().toJson(value) : String.valueOf(value)));
            return flat;
        }
    }

    /** {@code config} as the lookup {@link ShopSettings#from} takes. */
    static Function<String, Optional<String>> lookup(Map<String, String> config) {
        return key -> Optional.ofNullable(config.get(key));
    }
}
