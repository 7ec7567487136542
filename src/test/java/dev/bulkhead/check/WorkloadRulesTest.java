package dev.bulkhead.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.bulkhead.check.MutatedRender.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workload rules on the dev render: every pod template the program renders passes them, and breaking one field
 * of one app's rendered objects fails exactly the rule about it.
 */
class WorkloadRulesTest {

    private final MutatedRender render = new MutatedRender();

    private List<Finding> findings() {
        return CheckReport.of(render.view()).findings().stream()
                .filter(f -> f.ruleId().startsWith("workload.") || f.ruleId().equals("isolation.no-user-rbac"))
                .toList();
    }

    private Set<String> failed() {
        Set<String> ids = new TreeSet<>();
        findings().forEach(f -> ids.add(f.ruleId()));
        return ids;
    }

    private JsonObject podSpec(String namespace, String app) {
        return render.kubernetes("Deployment", namespace, app).getAsJsonObject("spec").getAsJsonObject("template")
                .getAsJsonObject("spec");
    }

    private JsonObject container(String namespace, String app) {
        return podSpec(namespace, app).getAsJsonArray("containers").get(0).getAsJsonObject();
    }

    @Test
    void everyRenderedPodTemplatePassesEveryWorkloadRule() {
        RenderView view = render.view();
        List<PodTemplates.Template> templates = PodTemplates.of(view);
        assertEquals(5, templates.size(), "one Deployment per dev app");
        for (PodTemplates.Template t : templates) {
            assertEquals(List.of(), PodSecurityProfile.restricted(t.spec(), t.annotations()), t.describe());
        }
        assertEquals(List.of(), findings());
    }

    @Test
    void aPrivilegeEscalationFailsPodSecurity() {
        container("shop-api", "orders").getAsJsonObject("securityContext").addProperty("allowPrivilegeEscalation", true);
        assertEquals(Set.of("workload.pod-security"), failed());
        assertTrue(findings().get(0).message().contains(
                "spec.containers[app].securityContext.allowPrivilegeEscalation must be false"), findings().toString());
    }

    @Test
    void aMissingProbeOrLimitFailsItsRule() {
        container("shop-web", "storefront").remove("livenessProbe");
        container("shop-api", "catalog").getAsJsonObject("resources").remove("limits");
        assertEquals(Set.of("workload.probes", "workload.resources"), failed());
    }

    @Test
    void imagesMustBePinnedAndTagsAreReported() {
        container("billing", "invoicer").addProperty("image", "111122223333.dkr.ecr.eu-west-1.amazonaws.com/x:latest");
        container("analytics", "collector").addProperty("image", "111122223333.dkr.ecr.eu-west-1.amazonaws.com/x:1.2");
        assertEquals(Set.of("workload.image-pinned", "workload.image-digest"), failed());
    }

    @Test
    void replicasWithoutABudgetOrABudgetThatBlocksDrainsFail() {
        render.remove(render.kubernetes("PodDisruptionBudget", "shop-api", "catalog"));
        render.kubernetes("PodDisruptionBudget", "shop-web", "storefront").getAsJsonObject("spec")
                .add("maxUnavailable", new JsonPrimitive(0));
        List<Finding> found = findings();
        assertEquals(Set.of("workload.disruption-budget"), failed());
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.message().startsWith("2 replicas and no PodDisruptionBudget")));
        assertTrue(found.stream().anyMatch(f -> f.message().startsWith("forbids every eviction")));
    }

    @Test
    void aServicePortOtherThanTheContainerPortFails() {
        JsonArray ports = render.kubernetes("Service", "shop-api", "orders").getAsJsonObject("spec")
                .getAsJsonArray("ports");
        ports.get(0).getAsJsonObject().addProperty("port", 80);
        assertEquals(Set.of("workload.service-port"), failed());
        assertTrue(findings().get(0).message().contains("port 80 differs from the container port 8080"));
    }

    @Test
    void aMountedTokenFailsAndAnAppAccountWithATokenIsNoLongerExempt() {
        podSpec("billing", "invoicer").addProperty("automountServiceAccountToken", true);
        render.kubernetes("ServiceAccount", "billing", "invoicer").addProperty("automountServiceAccountToken", true);
        assertEquals(Set.of("isolation.no-user-rbac", "workload.no-token"), failed());
    }

    @Test
    void aServiceAccountNoPodRunsAsIsStillRefused() {
        render.add("kubernetes:core/v1:ServiceAccount", "stray", json("""
                {"metadata": {"name": "stray", "namespace": "shop-web"}, "automountServiceAccountToken": false}"""));
        assertEquals(Set.of("isolation.no-user-rbac"), failed());
    }
}
