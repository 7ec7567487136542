package dev.bulkhead.workload;

import com.pulumi.test.PulumiTest;
import dev.bulkhead.isolation.PerimeterKinds;
import dev.bulkhead.mock.RecordedResource;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.Layer;
import dev.bulkhead.project.MockRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An app split between the platform's stack ({@link AppPerimeter}) and a team's ({@link AppWorkload}) is exactly the
 * app of one stack ({@link App}): the same objects, names and inputs, divided so that the team's part holds no
 * perimeter object and the platform's no workload.
 */
class AppSplitTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static Map<String, Map<String, Object>> objects(MockRun run) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (RecordedResource r : run.mocks().recorded().values()) {
            if (r.type().startsWith("kubernetes:")) {
                out.put(r.type() + "::" + r.name(), r.inputs());
            }
        }
        return out;
    }

    private static MockRun layer(Layer layer) {
        return MockRun.of(provider -> new ProjectApps("apps-shop", ProjectAppsArgs.builder()
                .project(Apps.shop()).platform(Apps.PLATFORM).provider(provider).layer(layer).build(), null));
    }

    private static boolean perimeter(String key) {
        String type = key.substring("kubernetes:".length(), key.indexOf("::"));
        String apiVersion = type.substring(0, type.lastIndexOf(':')).replace("core/", "");
        return PerimeterKinds.contains(apiVersion, type.substring(type.lastIndexOf(':') + 1));
    }

    @Test
    void perimeterAndWorkloadTogetherAreTheWholeApp() {
        Map<String, Map<String, Object>> whole = objects(layer(Layer.ALL));
        Map<String, Map<String, Object>> platform = objects(layer(Layer.PLATFORM));
        Map<String, Map<String, Object>> team = objects(layer(Layer.PROJECT));
        Map<String, Map<String, Object>> together = new TreeMap<>(platform);
        together.putAll(team);
        assertEquals(whole, together);
        assertEquals(platform.size() + team.size(), whole.size(), "no object in both parts");
        assertTrue(platform.keySet().stream().allMatch(AppSplitTest::perimeter), platform.keySet()::toString);
        assertTrue(team.keySet().stream().noneMatch(AppSplitTest::perimeter), team.keySet()::toString);
        assertTrue(platform.keySet().stream().anyMatch(k -> k.contains("Gateway::apps-shop-waypoint-shop-api")),
                "the waypoint is the platform's");
        assertEquals(4, team.keySet().stream().filter(k -> k.startsWith("kubernetes:apps/v1:Deployment")).count());
    }

    @Test
    void aTeamsAppStaysInItsProjectsNamespacesAndMeetsTheImageRules() {
        AppSpec elsewhere = AppSpec.builder("web", "billing", Apps.image("web"), 8080).build();
        assertEquals("AppWorkloadArgs: app web is in namespace billing, which is not one of project shop's namespaces "
                + "[shop-web, shop-api]; a project's stack may write only there", refusal(elsewhere, false, List.of()));
        AppSpec tagged = AppSpec.builder("web", "shop-web", Apps.REGISTRY + "/shop/web:1.2", 8080).build();
        assertEquals("AppWorkloadArgs: app web names its image by tag (" + Apps.REGISTRY + "/shop/web:1.2); the "
                + "platform admits images by digest only", refusal(tagged, false, List.of()));
        assertEquals(null, refusal(tagged, true, List.of()), "tags, where the platform admits them");
        AppSpec pinned = AppSpec.builder("web", "shop-web", Apps.image("web"), 8080).build();
        assertEquals("AppWorkloadArgs: app web pulls from " + Apps.REGISTRY + ", which is not one of the allowed "
                + "registries [ghcr.io/acme]", refusal(pinned, false, List.of("ghcr.io/acme")));
        assertEquals(null, refusal(pinned, false, List.of(Apps.REGISTRY)));
    }

    /** What {@link AppWorkloadArgs.Builder#build()} refuses about {@code app}, or null. */
    private static String refusal(AppSpec app, boolean tags, List<String> registries) {
        AtomicReference<String> message = new AtomicReference<>();
        MockRun.of(provider -> {
            try {
                AppWorkloadArgs.builder().project("shop").namespaces(List.of("shop-web", "shop-api")).app(app)
                        .allowImageTags(tags).allowedRegistries(registries).provider(provider).build();
            } catch (IllegalArgumentException e) {
                message.set(e.getMessage());
            }
        });
        PulumiTest.cleanup();
        return message.get();
    }
}
