package dev.bulkhead.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.bulkhead.intent.DeclaredFlow;
import dev.bulkhead.intent.Intent;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.render.ResourcesJson;
import dev.bulkhead.testing.Stacks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A render (the dev stack's unless told) as editable JSON: find a resource, change it, read it back as a view. */
final class MutatedRender {

    final JsonArray resources;
    private final List<DeclaredFlow> declared = new ArrayList<>();

    MutatedRender() {
        this(Stacks.rendered("dev"));
    }

    MutatedRender(List<RenderedResource> render) {
        resources = JsonParser.parseString(ResourcesJson.write(render)).getAsJsonArray();
    }

    /** Adds a flow to what the config declares, as a config change would. */
    void declare(DeclaredFlow flow) {
        declared.add(flow);
    }

    Intent intent() {
        Intent dev = Stacks.intent("dev");
        List<DeclaredFlow> flows = new ArrayList<>(dev.flows());
        flows.addAll(declared);
        return new Intent(dev.version(), dev.stack(), dev.layer(), dev.trustDomain(), dev.monitoringNamespace(),
                dev.projects(), flows);
    }

    JsonObject find(Predicate<JsonObject> which) {
        for (JsonElement e : resources) {
            if (which.test(e.getAsJsonObject())) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no such resource in the dev render");
    }

    /** A Kubernetes object by kind, namespace and name. */
    JsonObject kubernetes(String kind, String namespace, String name) {
        return find(o -> o.get("type").getAsString().endsWith(":" + kind) && metadata(o) != null
                && name.equals(string(metadata(o), "name")) && namespace.equals(string(metadata(o), "namespace")))
                .getAsJsonObject("inputs");
    }

    /** An AWS resource's inputs by type token and logical name. */
    JsonObject aws(String type, String name) {
        return find(o -> o.get("type").getAsString().equals(type) && o.get("name").getAsString().equals(name))
                .getAsJsonObject("inputs");
    }

    void remove(JsonObject inputs) {
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).getAsJsonObject().getAsJsonObject("inputs") == inputs) {
                resources.remove(i);
                return;
            }
        }
        throw new AssertionError("not in the render");
    }

    void add(String type, String name, JsonObject inputs) {
        JsonObject r = new JsonObject();
        r.addProperty("urn", "urn:pulumi:dev::bulkhead::" + type + "::" + name);
        r.addProperty("type", type);
        r.addProperty("name", name);
        r.add("inputs", inputs);
        resources.add(r);
    }

    RenderView view() {
        return new RenderView(ResourcesJson.read(resources.toString()), intent());
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static JsonObject metadata(JsonObject o) {
        JsonElement m = o.getAsJsonObject("inputs").get("metadata");
        return m != null && m.isJsonObject() ? m.getAsJsonObject() : null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
