package dev.bulkhead.testing;

import dev.bulkhead.config.ConfigException;
import dev.bulkhead.config.ProjectStackSettings;
import dev.bulkhead.config.SettingsParser;
import dev.bulkhead.config.StackSettings;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.render.Renderer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dev stack's config split into layers: the platform stack (dev's config plus an enabled operator) and the
 * project stacks the operator would run, with the config their Stack objects carry.
 */
public final class LayerStacks {

    public static final String GIT_CIDR = "140.82.112.0/20";
    public static final String BACKEND_CIDR = "52.92.0.0/17";
    /** billing keeps its state in a backend of its own, in another range. */
    public static final String BILLING_BACKEND_CIDR = "3.5.140.0/22";
    /** Maven Central's range, which only analytics' workspace fetches from. */
    public static final String DEPENDENCY_CIDR = "151.101.0.0/16";

    private static final ConcurrentHashMap<String, List<RenderedResource>> RENDERS = new ConcurrentHashMap<>();

    private LayerStacks() {
    }

    /** A fresh, mutable copy of {@code Pulumi.dev.yaml}'s config. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> devConfig() {
        try (Reader in = Files.newBufferedReader(SettingsParser.stackFile(Stacks.projectRoot(), "dev"))) {
            Map<String, Object> top = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new LinkedHashMap<>((Map<String, Object>) top.get("config"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The operator section the platform layer tests use. */
    public static Map<String, Object> operatorSection() {
        Map<String, Object> operator = new LinkedHashMap<>();
        operator.put("enabled", true);
        operator.put("repository", "https://github.com/acme/bulkhead.git");
        operator.put("branch", "main");
        operator.put("stateBackend", "s3://acme-pulumi-state/projects");
        operator.put("secretsProvider", "awskms://alias/bulkhead-projects?region=eu-west-1");
        operator.put("gitCidrs", List.of(GIT_CIDR));
        operator.put("backendCidrs", List.of(BACKEND_CIDR));
        operator.put("dependencyCidrs", List.of(DEPENDENCY_CIDR));
        return operator;
    }

    /**
     * Each project's own stack settings: shop with the defaults and a KMS key of its own, billing with a backend of
     * its own, analytics with the passphrase and Maven downloads.
     */
    public static Map<String, Object> stackSection(String project) {
        Map<String, Object> stack = new LinkedHashMap<>();
        switch (project) {
            case "shop" -> stack.put("secretsProvider", "awskms://alias/bulkhead-shop?region=eu-west-1");
            case "billing" -> {
                stack.put("stateBackend", "s3://acme-billing-state");
                stack.put("secretsProvider", "awskms://alias/bulkhead-billing?region=eu-west-1");
                stack.put("backendCidrs", List.of(BILLING_BACKEND_CIDR));
            }
            default -> {
                stack.put("secretsProvider", "passphrase");
                stack.put("fetchDependencies", true);
            }
        }
        return stack;
    }

    /** The dev stack as a platform layer with the operator. */
    public static Map<String, Object> platformConfig() {
        Map<String, Object> config = devConfig();
        config.put("bulkhead:layer", "platform");
        config.put("bulkhead:operator", operatorSection());
        withStacks(config, LayerStacks::stackSection);
        return config;
    }

    /** {@code config} with each project's {@code stack} set to what {@code stacks} gives for it. */
    @SuppressWarnings("unchecked")
    public static void withStacks(Map<String, Object> config,
                                  java.util.function.Function<String, Map<String, Object>> stacks) {
        List<Object> projects = new java.util.ArrayList<>();
        for (Object p : (List<Object>) config.get("bulkhead:projects")) {
            Map<String, Object> project = new LinkedHashMap<>((Map<String, Object>) p);
            project.put("stack", stacks.apply((String) project.get("name")));
            projects.add(project);
        }
        config.put("bulkhead:projects", projects);
    }

    public static StackSettings platform() {
        return parse("dev", platformConfig());
    }

    /** A project stack exactly as its Stack object configures it: the Stack's config through the engine's reader. */
    @SuppressWarnings("unchecked")
    public static StackSettings project(String project) {
        Map<String, Object> config = (Map<String, Object>) ProjectStacks.spec(platform(), project).get("config");
        Map<String, String> flat = new LinkedHashMap<>();
        config.forEach((key, value) -> flat.put(key, (String) value));
        try {
            StackSettings settings = SettingsParser.fromEngineConfig("dev-" + project, flat);
            if (!settings.equals(ProjectStackSettings.of(platform(), project))) {
                throw new IllegalStateException("render --project and the Stack object disagree about " + project);
            }
            return settings;
        } catch (ConfigException e) {
            throw new IllegalStateException("the project stack's config is not valid: " + e.getMessage(), e);
        }
    }

    public static List<RenderedResource> rendered(String layer) {
        return RENDERS.computeIfAbsent(layer, l -> Renderer.resources(l.equals("platform") ? platform() : project(l)));
    }

    private static StackSettings parse(String stack, Map<String, Object> config) {
        try {
            return SettingsParser.parse(stack, config);
        } catch (ConfigException e) {
            throw new IllegalStateException("not valid: " + e.getMessage(), e);
        }
    }
}
