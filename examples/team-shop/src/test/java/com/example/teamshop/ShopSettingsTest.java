package com.example.teamshop;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the stack's config: what the stack file says, and every mistake at once. */
class ShopSettingsTest {

    private static Map<String, String> dev() throws IOException {
        return new LinkedHashMap<>(StackFile.config(Path.of("Pulumi.dev.yaml")));
    }

    @Test
    void theDevStackDeclaresTwoAppsInTheProjectsNamespaces() throws IOException {
        ShopSettings settings = ShopSettings.from(StackFile.lookup(dev()));
        assertEquals("shop", settings.project());
        assertEquals(List.of("shop-web", "shop-api"), settings.namespaces());
        assertEquals(List.of("storefront", "orders"), settings.apps().stream().map(a -> a.name()).toList());
        assertTrue(settings.apps().get(1).l7(), "orders has authorization rules");
        assertEquals(List.of(), settings.apps().get(0).trustedCallers().orElseThrow());
    }

    @Test
    void whatThePlatformsStackObjectSetsWins() throws IOException {
        // the Stack object's config replaces the file's: the same keys, as the engine hands them over
        Map<String, String> config = dev();
        config.put(ShopSettings.NAMESPACES, "[\"shop-web\",\"shop-api\",\"shop-jobs\"]");
        assertEquals(3, ShopSettings.from(StackFile.lookup(config)).namespaces().size());
    }

    @Test
    void everyMistakeIsReportedAtOnce() throws IOException {
        Map<String, String> config = dev();
        config.remove(ShopSettings.PROJECT);
        config.put(ShopSettings.NAMESPACES, "[\"shop-web\"]");
        config.put(ShopSettings.APPS, "[{\"name\":\"storefront\",\"namespace\":\"shop-web\",\"image\":"
                + "\"111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/storefront:1.2\",\"port\":8080,\"replica\":2},"
                + "{\"name\":\"orders\",\"namespace\":\"shop-api\",\"image\":\"111122223333.dkr.ecr.eu-west-1."
                + "amazonaws.com/shop/orders@sha256:" + "ab".repeat(32) + "\",\"port\":8080}]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShopSettings.from(StackFile.lookup(config)));
        assertEquals("""
                the stack's config is not valid:
                  bulkhead:project: missing; the platform's Stack object sets the project's name, e.g. shop
                  team-shop:apps[0]: unknown key replica; valid keys: [authorization, callers, env, image, jwt, \
                metricsPort, name, namespace, port, probes, replicas, resources, runAsUser]
                  team-shop:apps[1].namespace: shop-api is not one of the project's namespaces [shop-web]; the stack \
                may write only there""", e.getMessage());
    }
}
