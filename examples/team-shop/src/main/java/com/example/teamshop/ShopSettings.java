package com.example.teamshop;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.bulkhead.model.AppSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stack's settings, read from its config as the engine hands it over (every value a string, structured values as
 * JSON): the project and its namespaces (the platform's Stack object sets them) and the team's apps. Every problem is
 * reported at once, each naming the key, the value and what is valid, before anything is registered.
 *
 * @param project    {@value #PROJECT}
 * @param namespaces {@value #NAMESPACES}
 * @param apps       {@value #APPS}, each in one of the namespaces
 */
public record ShopSettings(String project, List<String> namespaces, List<AppSpec> apps) {

    public static final String PROJECT = "bulkhead:project";
    public static final String NAMESPACES = "bulkhead:namespaces";
    public static final String APPS = "team-shop:apps";

    public ShopSettings {
        namespaces = List.copyOf(namespaces);
        apps = List.copyOf(apps);
    }

    /** Reads the settings from {@code config}, which maps a full key ({@code namespace:name}) to its value. */
    public static ShopSettings from(Function<String, Optional<String>> config) {
        List<String> errors = new ArrayList<>();
        String project = config.apply(PROJECT).orElse(null);
        if (project == null || project.isBlank()) {
            errors.add(PROJECT + ": missing; the platform's Stack object sets the project's name, e.g. shop");
        }
        List<String> namespaces = new ArrayList<>();
        JsonElement given = json(NAMESPACES, config.apply(NAMESPACES), errors);
        if (given != null && given.isJsonArray() && !given.getAsJsonArray().isEmpty()) {
            given.getAsJsonArray().forEach(n -> namespaces.add(n.isJsonPrimitive() ? n.getAsString() : n.toString()));
        } else if (given != null) {
            errors.add(NAMESPACES + ": " + given + " is not a non-empty list of namespaces, e.g. [shop-web, shop-api]");
        }
        List<AppSpec> apps = new ArrayList<>();
        JsonElement declared = json(APPS, config.apply(APPS), errors);
        if (declared != null) {
            apps.addAll(AppDeclarations.read(APPS, declared, namespaces, errors));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("the stack's config is not valid:\n  " + String.join("\n  ", errors));
        }
        return new ShopSettings(project, namespaces, apps);
    }

    private static JsonElement json(String key, Optional<String> value, List<String> errors) {
        if (value.isEmpty()) {
            errors.add(key + ": missing; see README.md");
            return null;
        }
        try {
            return JsonParser.parseString(value.get());
        } catch (JsonParseException e) {
            errors.add(key + ": not a list (" + e.getMessage() + ")");
            return null;
        }
    }
}
