package dev.bulkhead.operator;

import dev.bulkhead.check.AuthoritySection;
import dev.bulkhead.check.CheckReport;
import dev.bulkhead.check.RenderView;
import dev.bulkhead.intent.IntentPlan;
import dev.bulkhead.check.authority.AdmissionDecision;
import dev.bulkhead.check.authority.AdmissionRequest;
import dev.bulkhead.check.authority.Authority;
import dev.bulkhead.check.authority.Identity;
import dev.bulkhead.isolation.PerimeterKinds;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.testing.LayerStacks;
import dev.bulkhead.testing.Stacks;
import dev.bulkhead.testing.Writes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operator mode sealed from the first second, proved under the mocks: the platform layer's render passes
 * {@code check} with every project namespace sealed and every identity writing nothing of the perimeter; every
 * object a project layer holds is permitted to its workspace by the platform layer's rendered RBAC and admission,
 * and no perimeter object is.
 */
class WorkspaceAuthorityTest {

    private static final List<String> PROJECTS = List.of("shop", "billing", "analytics");

    private final RenderView platform = new RenderView(LayerStacks.rendered("platform"),
            IntentPlan.of(LayerStacks.platform()));
    private final Authority authority = Authority.of(platform);

    private Identity workspace(String project) {
        return authority.identities().tenants().stream()
                .filter(i -> i.kind() == Identity.Kind.WORKSPACE
                        && i.username().equals("system:serviceaccount:pulumi-kubernetes-operator:" + project + "-workspace"))
                .findFirst().orElseThrow(() -> new AssertionError("no workspace identity for " + project));
    }

    @Test
    void thePlatformLayerPassesCheckAndListsEveryIdentity() {
        CheckReport report = CheckReport.of(platform);
        assertTrue(report.passed(), report.summary("platform"));
        AuthoritySection section = report.authority();
        for (String project : PROJECTS) {
            assertTrue(section.tenants().stream().anyMatch(t -> t.identity().equals(workspace(project))
                    && t.summary().equals("writes no perimeter object")), project);
        }
        assertEquals(3 + 1 + 3 + 6, section.tenants().size(), "developers, auditor, workspaces, project namespaces' pods");
        section.tenants().forEach(t -> assertEquals("writes no perimeter object", t.summary(), t.identity().name()));
    }

    @Test
    void everyObjectOfEachProjectLayerIsPermittedToItsWorkspace() {
        for (String project : PROJECTS) {
            Identity workspace = workspace(project);
            int objects = 0;
            for (RenderedResource r : LayerStacks.rendered(project)) {
                if (!r.isKubernetesObject()) {
                    continue;
                }
                objects++;
                AdmissionRequest request = request(workspace, r);
                String verb = Writes.verb(r);
                assertFalse(authority.rbac(request, verb).isEmpty(), () -> project + ": RBAC refuses " + request.describe());
                AdmissionDecision decision = authority.admission(request);
                assertTrue(decision.admitted(), () -> project + ": admission refuses " + request.describe() + ": "
                        + decision.refusedBy());
            }
            assertTrue(objects > 0, project);
        }
    }

    @Test
    void noPerimeterObjectIsPermittedToAWorkspace() {
        int tried = 0;
        for (RenderedResource r : Stacks.rendered("dev")) {
            String namespace = RenderView.namespace(r).orElse(null);
            String project = namespace == null ? null : platform.projectNamespaces().get(namespace);
            if (project == null || !r.isKubernetesObject()) {
                continue;
            }
            String apiVersion = String.valueOf(r.inputs().get("apiVersion"));
            String kind = String.valueOf(r.inputs().get("kind"));
            if (!PerimeterKinds.contains(apiVersion, kind)) {
                continue;
            }
            tried++;
            AdmissionRequest request = request(workspace(project), r);
            for (String verb : List.of("create", "update", "patch", "delete")) {
                assertEquals(List.of(), authority.rbac(request, verb), request.describe() + " " + verb);
            }
            assertFalse(authority.admission(request).admitted(), request.describe());
        }
        assertTrue(tried > 40, "every perimeter object of the whole render was tried: " + tried);
    }

    private AdmissionRequest request(Identity who, RenderedResource r) {
        return Writes.of(who, r, platform.namespaceLabels());
    }
}
