package com.example.teamshop;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.AuthorizationRule;
import dev.bulkhead.model.JwtSpec;
import dev.bulkhead.model.Quantity;
import dev.bulkhead.model.ResourcesSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the team's apps: a list of mappings with the keys of the platform's {@code projects[].apps[]} that decide a
 * workload, checked strictly (an unknown key is an error). {@code callers}, {@code authorization} and {@code jwt} must
 * say what the platform's config says: the platform enforces them, and the pods' labels follow them.
 */
final class AppDeclarations {

    static final Set<String> KEYS = Set.of("name", "namespace", "image", "port", "replicas", "resources", "probes",
            "metricsPort", "callers", "authorization", "jwt", "env", "runAsUser");

    private AppDeclarations() {
    }

    static List<AppSpec> read(String key, JsonElement declared, List<String> namespaces, List<String> errors) {
        List<AppSpec> apps = new ArrayList<>();
        if (!declared.isJsonArray()) {
            errors.add(key + ": expected a list of apps, got " + declared);
            return apps;
        }
        for (int i = 0; i < declared.getAsJsonArray().size(); i++) {
            String path = key + "[" + i + "]";
            JsonElement entry = declared.getAsJsonArray().get(i);
            if (!entry.isJsonObject()) {
                errors.add(path + ": expected a mapping, got " + entry);
                continue;
            }
            try {
                AppSpec app = app(entry.getAsJsonObject());
                if (!namespaces.isEmpty() && !namespaces.contains(app.namespace())) {
                    errors.add(path + ".namespace: " + app.namespace() + " is not one of the project's namespaces "
                            + namespaces + "; the stack may write only there");
                } else if (apps.stream().anyMatch(a -> a.name().equals(app.name()))) {
                    errors.add(path + ".name: " + app.name() + " is declared twice");
                } else {
                    apps.add(app);
                }
            } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                errors.add(path + ": " + e.getMessage());
            }
        }
        return apps;
    }

    private static AppSpec app(JsonObject o) {
        for (String k : o.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown key " + k + "; valid keys: " + new java.util.TreeSet<>(KEYS));
            }
        }
        int port = integer(o, "port", "");
        AppSpec.Builder app = AppSpec.builder(text(o, "name", ""), text(o, "namespace", ""),
                text(o, "image", ""), port);
        if (o.has("replicas")) {
            JsonObject replicas = o.getAsJsonObject("replicas");
            app.replicas(integer(replicas, "min", "replicas."), integer(replicas, "max", "replicas."));
        }
        if (o.has("resources")) {
            JsonObject r = o.getAsJsonObject("resources");
            Quantity cpu = Quantity.parse(text(r, "cpu", "resources."));
            Quantity memory = Quantity.parse(text(r, "memory", "resources."));
            app.resources(ResourcesSpec.derived(cpu, memory));
        }
        if (o.has("probes")) {
            app.probePath(text(o.getAsJsonObject("probes"), "path", "probes."));
        }
        if (o.has("metricsPort")) {
            app.metricsPort(integer(o, "metricsPort", ""));
        }
        if (o.has("callers")) {
            app.callers(strings(o.get("callers")));
        }
        if (o.has("authorization")) {
            for (JsonElement rule : o.getAsJsonArray("authorization")) {
                JsonObject r = rule.getAsJsonObject();
                AuthorizationRule parsed = new AuthorizationRule(text(r, "from", "authorization[]."),
                        r.has("methods") ? strings(r.get("methods")) : List.of(),
                        r.has("paths") ? strings(r.get("paths")) : List.of());
                app.allow(parsed.from(), parsed.methods(), parsed.paths());
            }
        }
        if (o.has("jwt")) {
            JsonObject jwt = o.getAsJsonObject("jwt");
            app.jwt(new JwtSpec(text(jwt, "issuer", "jwt."), text(jwt, "jwksUri", "jwt."),
                    strings(jwt.get("audiences")), jwt.has("paths") ? strings(jwt.get("paths")) : List.of()));
        }
        if (o.has("env")) {
            Map<String, String> env = new TreeMap<>();
            o.getAsJsonObject("env").entrySet().forEach(e -> env.put(e.getKey(), e.getValue().getAsString()));
            app.env(env);
        }
        if (o.has("runAsUser")) {
            app.runAsUser(integer(o, "runAsUser", ""));
        }
        return app.build();
    }

    private static String text(JsonObject o, String key, String prefix) {
        JsonElement value = o.get(key);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException(prefix + key + " is missing or not text: " + value);
        }
        return value.getAsString();
    }

    private static int integer(JsonObject o, String key, String prefix) {
        JsonElement value = o.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                || value.getAsDouble() != Math.rint(value.getAsDouble())) {
            throw new IllegalArgumentException(prefix + key + " is missing or not an integer: " + value);
        }
        return value.getAsInt();
    }

    private static List<String> strings(JsonElement value) {
        List<String> out = new ArrayList<>();
        value.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
