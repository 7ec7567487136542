package dev.bulkhead.intent;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code intent.json}: an {@link Intent} as JSON, fields in a fixed order so that two renders of one config are
 * byte-identical. Reading is strict: a missing or mistyped field is an {@link IllegalArgumentException} naming it.
 */
public final class IntentJson {

    private IntentJson() {
    }

    public static String write(Intent intent) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", intent.version());
        root.put("stack", intent.stack());
        root.put("layer", intent.layer());
        root.put("trustDomain", intent.trustDomain());
        root.put("monitoringNamespace", intent.monitoringNamespace());
        root.put("projects", intent.projects().stream().map(IntentJson::project).toList());
        root.put("flows", intent.flows().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", f.from());
            m.put("to", f.to());
            m.put("ports", f.ports());
            m.put("why", f.why());
            m.put("config", f.config());
            return m;
        }).toList());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static Map<String, Object> project(ProjectIntent p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("namespaces", p.namespaces());
        m.put("gatewayNamespace", p.gatewayNamespace().orElse(null));
        m.put("routes", p.routes().stream().map(r -> {
            Map<String, Object> route = new LinkedHashMap<>();
            route.put("host", r.host());
            route.put("path", r.path());
            route.put("service", r.service());
            route.put("port", r.port());
            return route;
        }).toList());
        m.put("exports", p.exports().stream().map(e -> {
            Map<String, Object> export = new LinkedHashMap<>();
            export.put("name", e.name());
            export.put("service", e.service());
            export.put("port", e.port());
            export.put("listenerPort", e.listenerPort());
            export.put("consumers", e.consumers());
            return export;
        }).toList());
        m.put("egress", p.egress());
        return m;
    }

    public static Intent read(String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        JsonObject o = object(root, "the file");
        int version = integer(o, "version", "");
        if (version != Intent.VERSION) {
            throw new IllegalArgumentException("version " + version + " is not understood (expected "
                    + Intent.VERSION + "); render the stack again");
        }
        List<ProjectIntent> projects = list(o, "projects", "", (p, at) -> {
            JsonObject po = object(p, at);
            JsonElement gateway = po.get("gatewayNamespace");
            return new ProjectIntent(string(po, "name", at), strings(po, "namespaces", at),
                    gateway == null || gateway.isJsonNull() ? Optional.empty() : Optional.of(gateway.getAsString()),
                    list(po, "routes", at, (r, rat) -> {
                        JsonObject ro = object(r, rat);
                        return new ProjectIntent.Route(string(ro, "host", rat), string(ro, "path", rat),
                                string(ro, "service", rat), integer(ro, "port", rat));
                    }),
                    list(po, "exports", at, (e, eat) -> {
                        JsonObject eo = object(e, eat);
                        return new ProjectIntent.Export(string(eo, "name", eat), string(eo, "service", eat),
                                integer(eo, "port", eat), integer(eo, "listenerPort", eat),
                                strings(eo, "consumers", eat));
                    }),
                    strings(po, "egress", at));
        });
        List<DeclaredFlow> flows = list(o, "flows", "", (f, at) -> {
            JsonObject fo = object(f, at);
            return new DeclaredFlow(string(fo, "from", at), string(fo, "to", at), strings(fo, "ports", at),
                    string(fo, "why", at), string(fo, "config", at));
        });
        return new Intent(version, string(o, "stack", ""), string(o, "layer", ""), string(o, "trustDomain", ""),
                string(o, "monitoringNamespace", ""), projects, flows);
    }

    private interface Item<T> {
        T read(JsonElement element, String at);
    }

    private static <T> List<T> list(JsonObject o, String field, String at, Item<T> item) {
        String path = at.isEmpty() ? field : at + "." + field;
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException(path + " must be a list");
        }
        JsonArray array = e.getAsJsonArray();
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(item.read(array.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static List<String> strings(JsonObject o, String field, String at) {
        return list(o, field, at, (e, path) -> primitive(e, path, JsonElement::getAsString, true));
    }

    private static String string(JsonObject o, String field, String at) {
        return primitive(o.get(field), at.isEmpty() ? field : at + "." + field, JsonElement::getAsString, true);
    }

    private static int integer(JsonObject o, String field, String at) {
        return primitive(o.get(field), at.isEmpty() ? field : at + "." + field, JsonElement::getAsInt, false);
    }

    private static <T> T primitive(JsonElement e, String path, Function<JsonElement, T> read, boolean string) {
        boolean ok = e != null && e.isJsonPrimitive()
                && (string ? e.getAsJsonPrimitive().isString() : e.getAsJsonPrimitive().isNumber());
        if (!ok) {
            throw new IllegalArgumentException(path + " must be a " + (string ? "string" : "number"));
        }
        return read.apply(e);
    }

    private static JsonObject object(JsonElement e, String path) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException(path + " must be an object");
        }
        return e.getAsJsonObject();
    }
}
