package dev.bulkhead.operator;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.OperatorSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.ProjectStackSpec;
import dev.bulkhead.model.QuotaSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A project's Stack object from its own stack settings: the program, its revision, its state and credentials. */
class ProjectStackTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final ProjectSpec SHOP = new ProjectSpec("shop", List.of("shop-web", "shop-api"), List.of(),
            Optional.empty(), List.of(), List.of(), QuotaSpec.defaults(), List.of(15020));

    private static OperatorSpec operator(ProjectStackSpec shop) {
        return new OperatorSpec(true, "https://github.com/acme/platform.git", "main", "", Optional.of("acme"),
                "s3://state/projects", Optional.empty(), Optional.empty(), List.of("140.82.112.0/20"),
                List.of("52.92.0.0/17"), List.of(), Optional.empty(),
                Map.of("aws:region", "eu-west-1", "bulkhead:projects", "[]"), Map.of("shop", shop));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTeamsProgramAtAPinnedCommitGetsOnlyItsProjectsFacts() {
        ProjectStackSpec own = new ProjectStackSpec("https://github.com/acme/shop.git", "", Optional.of(COMMIT),
                "infra", true, "s3://shop-state", Optional.of("passphrase"), "shop-backend", Optional.empty(),
                List.of("140.82.112.0/20"), List.of("3.5.140.0/22"), List.of());
        Manifest stack = ProjectStack.of("prod", SHOP, "ops", operator(own));
        Map<String, Object> spec = stack.spec();
        assertEquals("acme/prod-shop", spec.get("stack"));
        assertEquals("https://github.com/acme/shop.git", spec.get("projectRepo"));
        assertEquals(COMMIT, spec.get("commit"));
        assertFalse(spec.containsKey("branch"), "the operator takes a commit or a branch, not both");
        assertEquals("infra", spec.get("repoDir"));
        assertFalse(spec.containsKey("gitAuth"));
        assertEquals("s3://shop-state", spec.get("backend"));
        assertEquals("passphrase", spec.get("secretsProvider"));
        assertEquals(Map.of("bulkhead:project", "shop", "bulkhead:namespaces", "[\"shop-web\",\"shop-api\"]"),
                spec.get("config"));
        Map<String, Object> workspace = (Map<String, Object>) ((Map<String, Object>) spec.get("workspaceTemplate"))
                .get("spec");
        assertEquals(List.of(Map.of("secretRef", Map.of("name", "shop-backend"))), workspace.get("envFrom"));
        assertEquals("shop", stack.name());
    }

    @Test
    void thisProgramsProjectLayerGetsThePlatformsConfig() {
        ProjectStackSpec own = new ProjectStackSpec("https://github.com/acme/platform.git", "main", Optional.empty(),
                "", false, "s3://state/projects/shop", Optional.empty(), "shop-stack-credentials", Optional.empty(),
                List.of("140.82.112.0/20"), List.of("52.92.0.0/17"), List.of());
        Map<String, Object> spec = ProjectStack.of("prod", SHOP, "ops", operator(own)).spec();
        assertEquals("main", spec.get("branch"));
        assertEquals(Map.of("aws:region", "eu-west-1", "bulkhead:projects", "[]", "bulkhead:layer", "project",
                "bulkhead:project", "shop"), spec.get("config"));
    }

    @Test
    void aStackTracksABranchOrDeploysOneCommit() {
        assertThrows(IllegalArgumentException.class, () -> new ProjectStackSpec("https://x.example/r.git", "main",
                Optional.of(COMMIT), "", true, "s3://b", Optional.empty(), "c", Optional.empty(), List.of(), List.of(),
                List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ProjectStackSpec("https://x.example/r.git", "",
                Optional.empty(), "", true, "s3://b", Optional.empty(), "c", Optional.empty(), List.of(), List.of(),
                List.of()));
    }
}
