package dev.bulkhead.program;

import dev.bulkhead.config.ConfigException;
import dev.bulkhead.config.SettingsParser;
import dev.bulkhead.naming.Names;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.render.Renderer;
import dev.bulkhead.testing.LayerStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the config accepts, the program renders: values that used to pass validation and then fail inside a
 * component (hosts whose names collide once dots become dashes, a wildcard next to a host spelled like its name, a
 * stack whose load balancer names would start {@code internal-}) now render, each object with a name of its own.
 */
class ConfigAcceptedRendersTest {

    private static final String SERVICE_ENTRY = "kubernetes:networking.istio.io/v1:ServiceEntry";

    @Test
    void lookalikeHostsAndAnInternalStackRender() throws ConfigException {
        Map<String, Object> config = LayerStacks.devConfig();
        @SuppressWarnings("unchecked")
        var projects = (List<Map<String, Object>>) config.get("bulkhead:projects");
        projects.get(2).put("egress", List.of(
                Map.of("host", "*.googleapis.com", "port", 443),
                Map.of("host", "wildcard.googleapis.com", "port", 443),
                Map.of("host", "api-stripe.com", "port", 443)));

        List<RenderedResource> rendered = Renderer.resources(SettingsParser.parse("internal", config));

        Set<String> entries = new TreeSet<>();
        rendered.stream().filter(r -> r.type().equals(SERVICE_ENTRY))
                .forEach(r -> entries.add(String.valueOf(((Map<?, ?>) r.inputs().get("metadata")).get("name"))));
        // shop's api.stripe.com and the three lookalikes of analytics: four hosts, four ServiceEntries
        List<String> lookalikes = List.of("api.stripe.com", "*.googleapis.com", "wildcard.googleapis.com",
                "api-stripe.com").stream().map(Names::host).toList();
        assertEquals(4, new TreeSet<>(lookalikes).size(), "distinct names: " + lookalikes);
        assertTrue(entries.containsAll(lookalikes), "one ServiceEntry per host: " + entries);
        rendered.stream().filter(r -> r.type().equals("aws:lb/loadBalancer:LoadBalancer"))
                .forEach(r -> assertTrue(String.valueOf(r.inputs().get("name")).startsWith("lb-internal-"),
                        () -> "an ALB name may not start with internal-: " + r.inputs().get("name")));
    }
}
