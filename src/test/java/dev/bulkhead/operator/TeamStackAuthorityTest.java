package dev.bulkhead.operator;

import com.example.teamshop.ShopSettings;
import com.example.teamshop.ShopStack;
import dev.bulkhead.check.AuthoritySection;
import dev.bulkhead.check.CheckReport;
import dev.bulkhead.check.RenderView;
import dev.bulkhead.check.authority.AdmissionDecision;
import dev.bulkhead.check.authority.AdmissionRequest;
import dev.bulkhead.check.authority.Authority;
import dev.bulkhead.check.authority.Identity;
import dev.bulkhead.check.authority.WorkspaceScope;
import dev.bulkhead.config.StackSettings;
import dev.bulkhead.intent.IntentPlan;
import dev.bulkhead.platform.admission.ClusterIpServicesOnly;
import dev.bulkhead.render.MockEngine;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.testing.TeamStacks;
import dev.bulkhead.testing.Writes;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Project shop runs its team's own program ({@code examples/team-shop}) under the mocks. From the platform render's
 * RBAC and admission alone: every object of the team's stack is permitted to shop's workspace; what a hostile team adds
 * to it (a NetworkPolicy, an allow-all AuthorizationPolicy, a Service with external IPs, a RoleBinding) is refused;
 * and nothing of the team's is permitted in another project's namespaces.
 */
class TeamStackAuthorityTest {

    private static final String WORKSPACE = "system:serviceaccount:pulumi-kubernetes-operator:shop-workspace";

    private final StackSettings settings = TeamStacks.platform();
    private final RenderView platform = new RenderView(TeamStacks.renderedPlatform(), IntentPlan.of(settings));
    private final Authority authority = Authority.of(platform);
    private final Identity workspace = authority.identities().tenants().stream()
            .filter(i -> i.username().equals(WORKSPACE)).findFirst().orElseThrow();

    private static List<RenderedResource> run(BiConsumer<com.pulumi.Context, ShopSettings> program) {
        ShopSettings team = TeamStacks.settings();
        return MockEngine.run("dev-shop", "eu-west-1", ctx -> program.accept(ctx, team)).resources().stream()
                .filter(RenderedResource::isKubernetesObject).toList();
    }

    private AdmissionRequest write(RenderedResource r) {
        return Writes.of(workspace, r, platform.namespaceLabels());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStackRunsTheTeamsRepositoryWithStateKeysAndCredentialsOfItsOwn() {
        RenderedResource stack = platform.ofType("kubernetes:pulumi.com/v1:Stack").stream()
                .filter(r -> RenderView.name(r).equals("shop")).findFirst().orElseThrow();
        Map<String, Object> spec = RenderView.spec(stack);
        assertEquals(TeamStacks.REPOSITORY, spec.get("projectRepo"));
        assertEquals("main", spec.get("branch"));
        assertEquals("s3://acme-pulumi-state/projects/shop", spec.get("backend"));
        assertEquals("awskms://alias/team-shop?region=eu-west-1", spec.get("secretsProvider"));
        assertEquals(Map.of("accessToken", Map.of("type", "Secret", "secret",
                Map.of("name", "team-shop-token", "key", "accessToken"))), spec.get("gitAuth"));
        assertEquals("shop-workspace", spec.get("serviceAccountName"));
        assertEquals(false, spec.get("destroyOnFinalize"));
        // a team's program gets its project's facts, not the platform's whole config
        assertEquals(Map.of("bulkhead:project", "shop", "bulkhead:namespaces", "[\"shop-web\",\"shop-api\"]"),
                spec.get("config"));
        Map<String, Object> workspaceSpec = (Map<String, Object>) ((Map<String, Object>) spec.get("workspaceTemplate"))
                .get("spec");
        assertEquals(List.of(Map.of("secretRef", Map.of("name", "shop-stack-credentials"))), workspaceSpec.get("envFrom"));
    }

    @Test
    void everyObjectOfTheTeamsStackIsPermittedToItsWorkspace() {
        List<RenderedResource> objects = run(ShopStack::define);
        assertEquals(10, objects.size(), "two apps: account, Deployment, Service, budget and autoscaler each");
        for (RenderedResource r : objects) {
            AdmissionRequest request = write(r);
            assertFalse(authority.rbac(request, Writes.verb(r)).isEmpty(), () -> "RBAC refuses " + request.describe());
            AdmissionDecision decision = authority.admission(request);
            assertTrue(decision.admitted(), () -> "admission refuses " + request.describe() + ": " + decision.refusedBy());
            assertEquals(List.of(), decision.unevaluated(), request::describe);
        }
    }

    @Test
    void configMapsAndSecretsAreTheTeamsToo() {
        for (String kind : List.of("ConfigMap", "Secret")) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("apiVersion", "v1");
            object.put("kind", kind);
            object.put("metadata", Map.of("name", "settings", "namespace", "shop-api"));
            object.put("data", Map.of("LOG_LEVEL", "aW5mbw=="));
            var request = new AdmissionRequest(workspace, "CREATE", "", "v1", WorkspaceRbac.resource(kind), kind,
                    "shop-api", "settings", object, null, platform.namespaceLabels().get("shop-api"));
            assertFalse(authority.rbac(request, "create").isEmpty(), kind);
            assertTrue(authority.admission(request).admitted(), kind);
        }
    }

    @Test
    void whatAHostileTeamAddsIsRefusedToItsWorkspace() {
        Map<String, RenderedResource> hostile = new LinkedHashMap<>();
        for (RenderedResource r : run(HostileTeamProgram::define)) {
            if (RenderView.namespace(r).orElse("").equals(HostileTeamProgram.NAMESPACE)
                    && List.of("open-egress", "allow-all", "capture", "pods-admin").contains(RenderView.name(r))) {
                hostile.put(RenderView.name(r), r);
            }
        }
        assertEquals(List.of("open-egress", "allow-all", "capture", "pods-admin"), List.copyOf(hostile.keySet()));

        // the perimeter kinds: no RBAC grant, and the perimeter guard refuses them whatever RBAC says
        for (String name : List.of("open-egress", "allow-all")) {
            AdmissionRequest request = write(hostile.get(name));
            assertEquals(List.of(), authority.rbac(request, "create"), request.describe());
            assertRefusedBy(request, "bulkhead-perimeter-objects");
        }
        // Services are the team's, but not one that captures an address
        AdmissionRequest capture = write(hostile.get("capture"));
        assertFalse(authority.rbac(capture, "create").isEmpty(), "Services are an app kind");
        assertRefusedBy(capture, "bulkhead-no-external-ips");
        // permissions are the platform's: no RBAC grant, and Kyverno refuses them to all but the platform
        AdmissionRequest binding = write(hostile.get("pods-admin"));
        for (String verb : List.of("create", "update", "patch")) {
            assertEquals(List.of(), authority.rbac(binding, verb), verb);
        }
        assertRefusedBy(binding, "bulkhead-platform-owned-identities");
    }

    @Test
    void nothingOfTheTeamsIsPermittedInAnotherProjectsNamespaces() {
        for (RenderedResource r : run(ShopStack::define)) {
            for (String elsewhere : List.of("billing", "analytics", "shop-gateway", "pulumi-kubernetes-operator")) {
                AdmissionRequest request = write(r);
                var moved = new AdmissionRequest(workspace, request.operation(), request.group(), request.version(),
                        request.resource(), request.kind(), elsewhere, request.name(), request.object(), null,
                        platform.namespaceLabels().getOrDefault(elsewhere, Map.of()));
                assertEquals(List.of(), authority.rbac(moved, "create"), moved.describe());
            }
        }
    }

    @Test
    void clusterIpOnlyHoldsForWorkspacesToo() {
        // RBAC cannot say "ClusterIP only"; the Kyverno policy does, for every requester (no exclusion), and the
        // namespace quota allows no NodePort or LoadBalancer Service at all
        RenderedResource policy = platform.ofType("kubernetes:kyverno.io/v1:ClusterPolicy").stream()
                .filter(r -> RenderView.name(r).equals(ClusterIpServicesOnly.NAME)).findFirst().orElseThrow();
        List<?> rules = (List<?>) RenderView.spec(policy).get("rules");
        assertEquals(1, rules.size());
        Map<?, ?> rule = (Map<?, ?>) rules.get(0);
        assertFalse(rule.containsKey("exclude"), "no requester is exempt: " + rule);
        assertTrue(String.valueOf(rule.get("validate")).contains("NodePort"), rule::toString);
        for (String namespace : List.of("shop-web", "shop-api")) {
            Map<?, ?> hard = (Map<?, ?>) RenderView.spec(platform.kind("ResourceQuota", namespace).get(0)).get("hard");
            assertEquals("0", String.valueOf(hard.get("services.loadbalancers")), namespace);
            assertEquals("0", String.valueOf(hard.get("services.nodeports")), namespace);
        }
    }

    @Test
    void checkPassesAndShowsEachWorkspaceWritingOnlyInItsProjectsNamespaces() {
        CheckReport report = CheckReport.of(platform);
        assertTrue(report.passed(), report.summary("platform"));
        AuthoritySection section = report.authority();
        assertEquals(3, section.workspaces().size());
        for (WorkspaceScope scope : section.workspaces()) {
            assertEquals(List.of(), scope.outside(), scope::toString);
            assertEquals(scope.ownNamespaces().stream().sorted().toList(), scope.writesIn(), scope::toString);
        }
        WorkspaceScope shop = section.workspaces().stream().filter(w -> w.identity().equals(workspace)).findFirst()
                .orElseThrow();
        assertEquals("writes only in project shop's namespaces (shop-api, shop-web)", shop.summary());
        assertEquals("writes no perimeter object; writes only in project shop's namespaces (shop-api, shop-web)",
                section.line(section.tenants().stream().filter(t -> t.identity().equals(workspace)).findFirst()
                        .orElseThrow()));
    }

    private void assertRefusedBy(AdmissionRequest request, String guard) {
        AdmissionDecision decision = authority.admission(request);
        assertFalse(decision.admitted(), request.describe());
        assertTrue(decision.refusedBy().stream().anyMatch(r -> r.startsWith(guard)),
                () -> request.describe() + " is refused by " + decision.refusedBy() + ", not " + guard);
    }
}
