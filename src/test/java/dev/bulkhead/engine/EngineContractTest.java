package dev.bulkhead.engine;

import com.google.gson.JsonParser;
import dev.bulkhead.config.ConfigException;
import dev.bulkhead.config.SettingsParser;
import dev.bulkhead.engine.FakeEngine.Registration;
import dev.bulkhead.engine.LanguageHost.Executor;
import dev.bulkhead.kubernetes.KubernetesPlugin;
import dev.bulkhead.kubernetes.RemoteManifest;
import dev.bulkhead.render.JsonValues;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code pulumi up}'s engine path, proven offline as strictly as {@code render}: the program is started the way
 * pulumi-java's language host starts it, on both supported executors (the prebuilt jar and Maven), against a fake
 * engine that answers like the render's mocks, with the stack's config encoded as the engine encodes it. It must
 * register exactly what {@code render} shows, through a Kubernetes provider pinned to a plugin that has the
 * components the program uses, and refuse a bad config with render's messages before registering anything.
 */
class EngineContractTest {

    private static final String PROJECT = "bulkhead";
    private static final String STACK = "dev";
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @ParameterizedTest
    @EnumSource(Executor.class)
    void registersWhatRenderShows(Executor executor) throws Exception {
        Path root = Stacks.projectRoot();
        requireJar(root, executor);
        List<RenderedResource> rendered = Stacks.rendered(STACK);
        try (var engine = new FakeEngine(STACK, PROJECT, Stacks.settings(STACK).region())) {
            var env = LanguageHost.environment(engine, root, PROJECT, STACK, EngineConfig.encode(root, STACK));
            var exit = LanguageHost.run(executor.run, root, env, TIMEOUT);

            assertEquals(0, exit.code(), () -> executor + " run failed:\n" + exit.stdout() + exit.stderr());
            assertEquals(List.of(), engine.unexpectedCalls());
            assertEquals(List.of(), engine.logs().stream().filter(l -> l.severity() == LogSeverity.ERROR).toList());
            assertSameResources(rendered, engine.registrations());
            assertKubernetesPluginPinned(engine.registrations());
        }
    }

    @ParameterizedTest
    @EnumSource(Executor.class)
    void refusesABadConfigWithRendersMessagesBeforeRegistering(Executor executor, @TempDir Path stackDir)
            throws Exception {
        Path root = Stacks.projectRoot();
        requireJar(root, executor);
        String bad = "bad";
        Files.copy(root.resolve("Pulumi.yaml"), stackDir.resolve("Pulumi.yaml"));
        Files.writeString(stackDir.resolve("Pulumi." + bad + ".yaml"), Files.readString(root.resolve("Pulumi.dev.yaml"))
                .replace("cidr: 10.40.0.0/16", "cidr: 10.40.0.0/33")
                .replace("availabilityZones: 3", "availabilityZones: 9")
                .replace("mfaMaxAgeSeconds: 3600", "mfaMaxAgeSeconds: 3600\n    mfaMaxAge: 60"), StandardCharsets.UTF_8);
        String renderMessages;
        try {
            SettingsParser.fromStackFile(stackDir, bad);
            throw new AssertionError("the bad stack is valid");
        } catch (ConfigException e) {
            assertTrue(e.errors().size() >= 3, e::getMessage);
            // the engine hands the program values, not the file: its messages are render's without the line numbers
            renderMessages = e.getMessage().replaceAll(" \\(line \\d+\\)", "");
            assertFalse(renderMessages.equals(e.getMessage()), "render names the lines of the stack file");
        }
        try (var engine = new FakeEngine(bad, PROJECT, "eu-west-1")) {
            var env = LanguageHost.environment(engine, root, PROJECT, bad, EngineConfig.encode(stackDir, bad));
            var exit = LanguageHost.run(executor.run, root, env, TIMEOUT);

            assertEquals(1, exit.code(), () -> executor + ":\n" + exit.stdout() + exit.stderr());
            String expected = "bulkhead: the configuration of stack " + bad + " is not valid:\n" + renderMessages + "\n";
            assertTrue(exit.stderr().contains(expected), () -> "expected on stderr:\n" + expected + "\ngot:\n"
                    + exit.stderr());
            assertEquals(List.of(), engine.registrations());
        }
    }

    @ParameterizedTest
    @EnumSource(Executor.class)
    void listsThePluginsTheProgramNeeds(Executor executor) throws Exception {
        Path root = Stacks.projectRoot();
        requireJar(root, executor);
        var exit = LanguageHost.run(executor.plugins, root, Map.copyOf(System.getenv()), TIMEOUT);

        assertEquals(0, exit.code(), () -> executor + ":\n" + exit.stdout() + exit.stderr());
        var plugins = new TreeMap<String, String>();
        JsonParser.parseString(exit.stdout().strip()).getAsJsonArray().forEach(p -> plugins.put(
                p.getAsJsonObject().get("name").getAsString(), p.getAsJsonObject().get("version").getAsString()));
        assertEquals("6.83.0", plugins.get("aws"), plugins::toString);
        assertEquals("4.0.0", plugins.get("kubernetes"), plugins::toString);
    }

    /** The Maven executor is the default: no binary, and no use-executor (whose value is an executable to look up). */
    @Test
    void pulumiYamlLeavesTheHostToMavenAtTheRoot() throws Exception {
        Path root = Stacks.projectRoot();
        String project = Files.readString(root.resolve("Pulumi.yaml"));
        var runtime = project.substring(project.indexOf("\nruntime:"), project.indexOf("\nconfig:"));
        assertFalse(runtime.lines().anyMatch(l -> !l.strip().startsWith("#") && l.contains("use-executor")), runtime);
        assertFalse(runtime.lines().anyMatch(l -> !l.strip().startsWith("#") && l.contains("binary:")), runtime);
        assertTrue(runtime.contains("binary: " + LanguageHost.BINARY), "the jar path is documented in Pulumi.yaml");
        assertTrue(Files.exists(root.resolve("pom.xml")));
    }

    private static void requireJar(Path root, Executor executor) {
        if (executor == Executor.JAR && !Files.isRegularFile(root.resolve(LanguageHost.BINARY))) {
            fail(LanguageHost.BINARY + " is missing: build it with mvn -DskipTests package (mvn test builds it too)");
        }
    }

    /** Type, name, parent, provider and inputs of every resource, by URN, on both sides. */
    private static void assertSameResources(List<RenderedResource> rendered, List<Registration> registered) {
        Map<String, String> expected = new TreeMap<>();
        rendered.forEach(r -> expected.put(r.urn(), describe(r.type(), r.name(), r.parent().orElse(""),
                r.provider().orElse(""), r.inputs())));
        Map<String, String> actual = new TreeMap<>();
        for (Registration r : registered) {
            String previous = actual.put(r.urn(), describe(r.type(), r.name(), r.parent(), providerUrn(r.provider()),
                    r.inputs()));
            assertEquals(null, previous, () -> "registered twice: " + r.urn());
        }
        List<String> problems = new ArrayList<>();
        var urns = new TreeSet<>(expected.keySet());
        urns.addAll(actual.keySet());
        for (String urn : urns) {
            String e = expected.get(urn);
            String a = actual.get(urn);
            if (e == null) {
                problems.add("registered but not rendered: " + urn);
            } else if (a == null) {
                problems.add("rendered but not registered: " + urn);
            } else if (!e.equals(a)) {
                problems.add("differs: " + urn + "\n  render: " + e + "\n  engine: " + a);
            }
        }
        assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())),
                () -> problems.size() + " differences between render and the engine run");
        assertEquals(rendered.size(), registered.size());
    }

    private static String describe(String type, String name, String parent, String provider, Map<String, Object> inputs) {
        return type + " " + name + " parent=" + parent + " provider=" + provider + " inputs="
                + JsonValues.toJson(inputs);
    }

    /** A provider reference is {@code <urn>::<id>}; render records the URN. */
    private static String providerUrn(String reference) {
        return reference.isEmpty() ? "" : reference.substring(0, reference.lastIndexOf("::"));
    }

    private static void assertKubernetesPluginPinned(List<Registration> registered) {
        var providers = registered.stream().filter(r -> r.type().equals("pulumi:providers:kubernetes")).toList();
        assertFalse(providers.isEmpty(), "no Kubernetes provider registered");
        providers.forEach(p -> assertEquals(KubernetesPlugin.VERSION, p.version(), p.urn()));
        var manifests = registered.stream().filter(r -> r.type().equals(RemoteManifest.TYPE)).toList();
        assertFalse(manifests.isEmpty(), "no " + RemoteManifest.TYPE + " registered");
        manifests.forEach(m -> {
            assertTrue(m.remote(), m.urn());
            assertEquals(KubernetesPlugin.VERSION, m.version(), m.urn());
        });
    }
}
