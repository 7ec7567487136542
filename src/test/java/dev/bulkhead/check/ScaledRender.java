package dev.bulkhead.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.bulkhead.intent.DeclaredFlow;
import dev.bulkhead.intent.Intent;
import dev.bulkhead.intent.IntentJson;
import dev.bulkhead.intent.ProjectIntent;
import dev.bulkhead.render.ResourcesJson;
import dev.bulkhead.testing.Stacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dev render with its projects copied {@code copies} times: every object of a project namespace (and the
 * namespaces themselves) again under {@code <name>-c<k>}, with the project's declared flows. The copies are real
 * generated policies, so the matrix over them costs what a render of that many projects costs.
 */
final class ScaledRender {

    private ScaledRender() {
    }

    static RenderView of(int copies) {
        return new RenderView(ResourcesJson.read(resources(copies).toString()), intent(copies));
    }

    static JsonArray resources(int copies) {
        Intent dev = Stacks.intent("dev");
        Set<String> namespaces = namespaces(dev);
        JsonArray original = JsonParser.parseString(ResourcesJson.write(Stacks.rendered("dev"))).getAsJsonArray();
        JsonArray out = new JsonArray();
        original.forEach(out::add);
        Pattern names = pattern(dev);
        for (int k = 1; k < copies; k++) {
            for (JsonElement e : original) {
                if (projectScoped(e.getAsJsonObject(), namespaces)) {
                    JsonObject copy = JsonParser.parseString(rename(e.toString(), names, k)).getAsJsonObject();
                    copy.addProperty("urn", copy.get("urn").getAsString() + "-c" + k);
                    out.add(copy);
                }
            }
        }
        return out;
    }

    static Intent intent(int copies) {
        Intent dev = Stacks.intent("dev");
        Pattern names = pattern(dev);
        List<ProjectIntent> projects = new ArrayList<>(dev.projects());
        List<DeclaredFlow> flows = new ArrayList<>(dev.flows());
        for (int k = 1; k < copies; k++) {
            String json = IntentJson.write(dev);
            Intent renamed = IntentJson.read(rename(json, names, k));
            projects.addAll(renamed.projects());
            renamed.flows().stream().filter(f -> !dev.flows().contains(f)).forEach(flows::add);
        }
        return new Intent(dev.version(), dev.stack(), dev.layer(), dev.trustDomain(), dev.monitoringNamespace(),
                projects, flows);
    }

    /** Writes a scaled render to {@code args[1]} ({@code args[0]} copies of dev's projects), for measuring check. */
    public static void main(String[] args) throws IOException {
        int copies = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("resources.json"), resources(copies).toString());
        Files.writeString(dir.resolve(Intent.FILE), IntentJson.write(intent(copies)));
    }

    private static Set<String> namespaces(Intent dev) {
        Set<String> out = new TreeSet<>();
        dev.projects().forEach(p -> {
            out.addAll(p.namespaces());
            p.gatewayNamespace().ifPresent(out::add);
        });
        return out;
    }

    private static Pattern pattern(Intent dev) {
        Set<String> all = new TreeSet<>(namespaces(dev));
        dev.projects().forEach(p -> all.add(p.name()));
        List<String> longestFirst = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return Pattern.compile("(?<![a-z0-9.-])(" + String.join("|", longestFirst) + ")(?![a-z0-9-])");
    }

    private static String rename(String text, Pattern names, int k) {
        return names.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "-c" + k));
    }

    private static boolean projectScoped(JsonObject resource, Set<String> namespaces) {
        JsonElement metadata = resource.getAsJsonObject("inputs").get("metadata");
        if (metadata == null || !metadata.isJsonObject()) {
            return false;
        }
        JsonObject m = metadata.getAsJsonObject();
        String type = resource.get("type").getAsString();
        JsonElement ns = m.get("namespace");
        if (type.equals("kubernetes:core/v1:Namespace")) {
            return namespaces.contains(m.get("name").getAsString());
        }
        return ns != null && !ns.isJsonNull() && namespaces.contains(ns.getAsString());
    }
}
