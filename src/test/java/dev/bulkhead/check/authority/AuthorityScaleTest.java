package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.config.ConfigException;
import dev.bulkhead.config.SettingsParser;
import dev.bulkhead.config.StackSettings;
import dev.bulkhead.intent.IntentPlan;
import dev.bulkhead.render.Renderer;
import dev.bulkhead.testing.LayerStacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who can write the perimeter costs work in proportion to the project namespaces, not to identities times
 * namespaces: admission decisions for a platform of twice the projects (each with developers, a workspace and three
 * namespaces' pods) are about twice as many. A count, not a time.
 */
class AuthorityScaleTest {

    @Test
    void doublingTheProjectsAboutDoublesTheAdmissionDecisions() {
        Authority small = Authority.of(platform(3));
        Authority large = Authority.of(platform(6));
        for (var pair : List.of(Map.entry(3, small), Map.entry(6, large))) {
            int projects = pair.getKey();
            List<IdentityAuthority> tenants = pair.getValue().tenants();
            assertEquals(1 + projects + projects + 3 * projects, tenants.size(),
                    "the auditor, and per project its developers, its workspace and three namespaces' pods");
            tenants.forEach(t -> assertEquals(List.of(), t.writes(), t.identity().name()));
            tenants.forEach(t -> assertEquals(List.of(), t.admitted(), t.identity().name()));
        }
        double ratio = (double) large.admissionDecisions() / small.admissionDecisions();
        // in proportion to the namespaces is 2; every identity against every namespace would be about 4
        assertTrue(ratio < 2.2, "admission decisions grew " + ratio + "x for 2x projects: "
                + small.admissionDecisions() + " -> " + large.admissionDecisions());
    }

    /** A platform layer with the operator and {@code n} projects of two namespaces and a gateway each. */
    private static RenderView platform(int n) {
        Map<String, Object> config = LayerStacks.devConfig();
        config.put("bulkhead:layer", "platform");
        config.put("bulkhead:operator", LayerStacks.operatorSection());
        List<Object> projects = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String name = "p%02d".formatted(i);
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("name", name);
            project.put("namespaces", List.of(name + "-web", name + "-api"));
            project.put("developers", List.of("arn:aws:iam::111122223333:user/dev-" + name));
            project.put("ingress", Map.of("certificateArn", "arn:aws:acm:eu-west-1:111122223333:certificate/"
                            + "11111111-2222-3333-4444-555555555555",
                    "routes", List.of(Map.of("host", name + ".example.com", "path", "/",
                            "service", name + "-web/storefront", "port", 8080))));
            project.put("stack", Map.of("secretsProvider", "passphrase"));
            projects.add(project);
        }
        config.put("bulkhead:projects", projects);
        try {
            StackSettings settings = SettingsParser.parse("scale", config);
            return new RenderView(Renderer.resources(settings), IntentPlan.of(settings));
        } catch (ConfigException e) {
            throw new IllegalStateException("not valid: " + e.getMessage(), e);
        }
    }
}
