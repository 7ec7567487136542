package dev.bulkhead.testing;

import com.example.teamshop.ShopSettings;
import com.google.gson.Gson;
import dev.bulkhead.config.ConfigException;
import dev.bulkhead.config.SettingsParser;
import dev.bulkhead.config.StackSettings;
import dev.bulkhead.operator.ProjectStack;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.render.Renderer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The dev stack as a platform layer in which project shop runs its team's own program, {@code examples/team-shop},
 * from its own repository; billing and analytics run this program's project layer as in {@link LayerStacks}.
 */
public final class TeamStacks {

    public static final String REPOSITORY = "https://github.com/acme/team-shop.git";
    public static final Path EXAMPLE = Path.of("examples", "team-shop");

    private static final AtomicReference<List<RenderedResource>> PLATFORM = new AtomicReference<>();

    private TeamStacks() {
    }

    /** shop's stack: the team's repository, its own KMS key and git token. */
    public static Map<String, Object> shopStack() {
        Map<String, Object> stack = new LinkedHashMap<>();
        stack.put("repository", REPOSITORY);
        stack.put("gitAuthSecret", "team-shop-token");
        stack.put("secretsProvider", "awskms://alias/team-shop?region=eu-west-1");
        return stack;
    }

    public static StackSettings platform() {
        Map<String, Object> config = LayerStacks.platformConfig();
        LayerStacks.withStacks(config, project -> project.equals("shop") ? shopStack()
                : LayerStacks.stackSection(project));
        try {
            return SettingsParser.parse("dev", config);
        } catch (ConfigException e) {
            throw new IllegalStateException("not valid: " + e.getMessage(), e);
        }
    }

    public static synchronized List<RenderedResource> renderedPlatform() {
        if (PLATFORM.get() == null) {
            PLATFORM.set(Renderer.resources(platform()));
        }
        return PLATFORM.get();
    }

    /**
     * The team's settings as its workspace sees them: its own stack file, overridden by the config of the Stack object
     * the platform rendered for shop.
     */
    @SuppressWarnings("unchecked")
    public static ShopSettings settings() {
        Map<String, String> config = stackFile(Stacks.projectRoot().resolve(EXAMPLE).resolve("Pulumi.dev.yaml"));
        RenderedResource stack = renderedPlatform().stream()
                .filter(r -> r.type().equals("kubernetes:pulumi.com/v1:Stack") && r.name().endsWith("-shop-stack"))
                .findFirst().orElseThrow();
        Map<String, Object> spec = (Map<String, Object>) stack.inputs().get("spec");
        ((Map<String, Object>) spec.get("config")).forEach((key, value) -> config.put(key, (String) value));
        if (!config.containsKey(ProjectStack.NAMESPACES_KEY)) {
            throw new IllegalStateException("the Stack object gives the team no namespaces: " + spec.get("config"));
        }
        return ShopSettings.from(key -> Optional.ofNullable(config.get(key)));
    }

    /** A stack file's config as the engine hands it over: strings, structured values as JSON. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> stackFile(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            Map<String, Object> top = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, String> flat = new LinkedHashMap<>();
            ((Map<String, Object>) top.get("config")).forEach((key, value) -> flat.put(key,
                    value instanceof String s ? s : new Gson().toJson(value)));
            return flat;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
