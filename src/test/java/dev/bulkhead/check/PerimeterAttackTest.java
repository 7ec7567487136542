package dev.bulkhead.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.bulkhead.cli.BulkheadCommand;
import dev.bulkhead.intent.Intent;
import dev.bulkhead.intent.IntentJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.bulkhead.check.MutatedRender.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The perimeter against its own tenants: each way out a developer, a workspace or a pod would take, added to a copy
 * of the dev render, fails {@code check} with a finding that names it; each layer (RBAC, admission) is judged on
 * its own as well as together.
 */
class PerimeterAttackTest {

    private static final String VAP = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy";
    private static final String VAP_BINDING = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding";
    private static final String SHOP_DEVELOPERS = "access entry bulkhead-dev-dev-shop (groups bulkhead:shop:developers)";

    private final MutatedRender render = new MutatedRender();

    private CheckReport report() {
        return CheckReport.of(render.view());
    }

    private Set<String> failedRules(CheckReport report) {
        Set<String> ids = new TreeSet<>();
        report.findings().forEach(f -> ids.add(f.ruleId()));
        return ids;
    }

    /** The report fails, and {@code rule} has a finding on {@code resource} whose message contains {@code text}. */
    private CheckReport assertCaught(String rule, String resource, String text) {
        CheckReport report = report();
        assertFalse(report.passed(), report.summary("dev"));
        assertTrue(report.findings().stream().anyMatch(f -> f.ruleId().equals(rule) && f.resource().equals(resource)
                        && f.message().contains(text)),
                () -> "expected " + rule + " on " + resource + " naming '" + text + "' in\n" + report.summary("dev"));
        return report;
    }

    private void removeGuard(String name) {
        render.remove(render.find(o -> o.get("type").getAsString().equals(VAP_BINDING)
                && o.get("name").getAsString().endsWith("-" + name)).getAsJsonObject("inputs"));
    }

    private JsonObject guard(String name) {
        return render.find(o -> o.get("type").getAsString().equals(VAP)
                && o.get("name").getAsString().endsWith("-" + name)).getAsJsonObject("inputs").getAsJsonObject("spec");
    }

    private void associate(String name, String policy, String scope) {
        render.add("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", name, json("""
                {"clusterName": "bulkhead-dev", "accessScope": %s,
                 "policyArn": "arn:aws:eks::aws:cluster-access-policy/%s",
                 "principalArn": "arn:aws:iam::111122223333:role/bulkhead-dev-dev-shop"}""".formatted(scope, policy)));
    }

    @Test
    void theUntouchedRenderListsEveryIdentityAsWritingNothing() {
        CheckReport report = report();
        assertTrue(report.passed(), report.summary("dev"));
        AuthoritySection authority = report.authority();
        assertEquals("access entry bulkhead-dev-admin (groups bulkhead:platform-admins)", authority.deployer());
        assertEquals(List.of("access entry bulkhead-dev-auditor", SHOP_DEVELOPERS,
                        "access entry bulkhead-dev-dev-billing (groups bulkhead:billing:developers)",
                        "access entry bulkhead-dev-dev-analytics (groups bulkhead:analytics:developers)",
                        "pods of analytics", "pods of analytics-jobs", "pods of billing", "pods of shop-api",
                        "pods of shop-gateway", "pods of shop-web"),
                authority.tenants().stream().map(t -> t.identity().name()).toList());
        authority.tenants().forEach(t -> assertEquals("writes no perimeter object", t.summary(), t.identity().name()));
        assertTrue(report.summary("dev").contains("pods of shop-web: writes no perimeter object"), report.summary("dev"));
        assertTrue(report.markdown().contains("## Authority"));
    }

    @Test
    void aDeveloperWithTheEksEditPolicyIsCaughtEvenThoughAdmissionHolds() {
        associate("developer-shop-edit", "AmazonEKSEditPolicy",
                "{\"type\": \"namespace\", \"namespaces\": [\"shop-web\", \"shop-api\"]}");
        CheckReport report = assertCaught("authority.rbac-least-privilege", SHOP_DEVELOPERS, "create NetworkPolicy");
        assertTrue(report.findings().stream().anyMatch(f -> f.message().contains("AmazonEKSEditPolicy")));
        // admission still refuses it, so nobody can actually write: the RBAC layer alone is at fault
        assertEquals(Set.of("authority.rbac-least-privilege"), failedRules(report));
    }

    @Test
    void aDeveloperBoundToTheBuiltInEditRoleIsCaught() {
        render.add("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "shop-edit", json("""
                {"metadata": {"name": "shop-edit", "namespace": "shop-web"},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "edit"},
                 "subjects": [{"kind": "Group", "name": "bulkhead:shop:developers"}]}"""));
        assertCaught("authority.rbac-least-privilege", SHOP_DEVELOPERS, "RoleBinding shop-web/shop-edit");
    }

    @Test
    void withoutTheGuardADeveloperWithEditDeletesDefaultDeny() {
        associate("developer-shop-edit", "AmazonEKSEditPolicy",
                "{\"type\": \"namespace\", \"namespaces\": [\"shop-web\"]}");
        removeGuard("bulkhead-perimeter-objects");
        assertCaught("authority.perimeter-writes", SHOP_DEVELOPERS, "delete NetworkPolicy in shop-web");
        assertCaught("authority.admission-guards", "pods of billing", "create NetworkPolicy");
    }

    @Test
    void aGuardWhoseExpressionCannotBeEvaluatedCountsAsNoGuard() {
        JsonObject validation = guard("bulkhead-perimeter-objects").getAsJsonArray("validations").get(0)
                .getAsJsonObject();
        validation.addProperty("expression", "request.userInfo.username.matches('^arn:')");
        CheckReport report = assertCaught("authority.admission-guards", SHOP_DEVELOPERS, "create PeerAuthentication");
        assertFalse(failedRules(report).contains("authority.perimeter-writes"), "RBAC still refuses");
    }

    @Test
    void serviceExternalIpsInTheRenderAndWithoutTheirGuard() {
        render.add("kubernetes:core/v1:Service", "billing-capture", json("""
                {"metadata": {"name": "capture", "namespace": "billing"},
                 "spec": {"type": "ClusterIP", "ports": [{"port": 8443}], "externalIPs": ["10.40.3.17"]}}"""));
        assertCaught("authority.no-external-ips", "billing/capture (Service)", "10.40.3.17");
        removeGuard("bulkhead-no-external-ips");
        assertCaught("authority.perimeter-writes", "access entry bulkhead-dev-dev-billing (groups "
                + "bulkhead:billing:developers)", "create a Service with externalIPs in billing");
    }

    @Test
    void theCniInStandardModeIsCaught() {
        render.aws("aws:eks/addon:Addon", "cluster-vpc-cni").addProperty("configurationValues",
                "{\"enableNetworkPolicy\":\"true\"}");
        CheckReport report = assertCaught("cluster.network-policy-strict", "cluster-vpc-cni (Addon)", "standard mode");
        assertEquals(Set.of("cluster.network-policy-strict"), failedRules(report));
    }

    @Test
    void podsWearingPlatformIdentitiesInTheRender() {
        render.add("kubernetes:apps/v1:Deployment", "fake-waypoint", json("""
                {"metadata": {"name": "fake-waypoint", "namespace": "billing"},
                 "spec": {"template": {"metadata": {"labels": {"gateway.networking.k8s.io/gateway-name": "x"}}}}}"""));
        render.add("kubernetes:core/v1:Pod", "outside", json("""
                {"metadata": {"name": "outside", "namespace": "shop-web",
                  "labels": {"istio.io/dataplane-mode": "none"}}, "spec": {}}"""));
        render.add("kubernetes:core/v1:Pod", "tokened", json("""
                {"metadata": {"name": "tokened", "namespace": "shop-api"}, "spec": {"volumes": [{"name": "t",
                 "projected": {"sources": [{"serviceAccountToken": {"path": "t", "audience": "x"}}]}}]}}"""));
        render.add("kubernetes:core/v1:Secret", "token", json("""
                {"metadata": {"name": "token", "namespace": "analytics"},
                 "type": "kubernetes.io/service-account-token"}"""));
        assertCaught("authority.reserved-identities", "billing/fake-waypoint (Deployment)",
                "gateway.networking.k8s.io/gateway-name");
        assertCaught("authority.reserved-identities", "shop-web/outside (Pod)", "leave the ambient mesh");
        assertCaught("authority.reserved-identities", "shop-api/tokened (Pod)", "projected ServiceAccount token");
        assertCaught("authority.reserved-identities", "analytics/token (Secret)", "token Secret");
    }

    @Test
    void withoutTheTenantPodsGuardDevelopersCouldWearTheGatewayAndMountTokens() {
        for (JsonElement validation : guard("bulkhead-tenant-pods").getAsJsonArray("validations")) {
            validation.getAsJsonObject().addProperty("expression", "true");
        }
        assertCaught("authority.perimeter-writes", SHOP_DEVELOPERS,
                "create a Pod wearing gateway.networking.k8s.io/gateway-name in shop-api, shop-web");
        assertCaught("authority.perimeter-writes", SHOP_DEVELOPERS, "create a Pod mounting a projected");
        assertCaught("authority.perimeter-writes", SHOP_DEVELOPERS, "create a Pod that leaves the ambient mesh");
        assertCaught("authority.admission-guards", "pods of shop-web", "create a Deployment whose pods wear");
    }

    @Test
    void withoutTheServiceAccountAndNamespaceGuardsTheDefaultAccountAndLabelsAreOpen() {
        removeGuard("bulkhead-service-accounts");
        removeGuard("bulkhead-project-namespaces");
        removeGuard("bulkhead-no-token-secrets");
        assertCaught("authority.admission-guards", SHOP_DEVELOPERS, "delete the default ServiceAccount in");
        assertCaught("authority.admission-guards", SHOP_DEVELOPERS, "let the default ServiceAccount mount its token");
        assertCaught("authority.admission-guards", SHOP_DEVELOPERS, "relabel the namespace");
        // developers hold Secrets: without their guard they could mint a token
        assertCaught("authority.perimeter-writes", SHOP_DEVELOPERS, "create a ServiceAccount token Secret");
    }

    @Test
    void whatFooledCheckBeforeFoolsItNoLonger() {
        render.add("kubernetes:networking.k8s.io/v1:NetworkPolicy", "billing-halves", json("""
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "allow-egress-halves", "namespace": "billing",
                  "labels": {"bulkhead.dev/component": "egress", "bulkhead.dev/project": "billing"}},
                 "spec": {"podSelector": {}, "policyTypes": ["Egress"], "egress": [{"to": [
                  {"ipBlock": {"cidr": "0.0.0.0/1"}}, {"ipBlock": {"cidr": "128.0.0.0/1"}}]}]}}"""));
        render.add("kubernetes:security.istio.io/v1:PeerAuthentication", "shop-web-plain", json("""
                {"metadata": {"name": "plain", "namespace": "shop-web"},
                 "spec": {"selector": {"matchLabels": {"app": "web"}}, "mtls": {"mode": "DISABLE"}}}"""));
        render.add("kubernetes:security.istio.io/v1:AuthorizationPolicy", "shop-web-everyone", json("""
                {"metadata": {"name": "everyone", "namespace": "shop-web"},
                 "spec": {"action": "ALLOW", "rules": [{}]}}"""));
        assertCaught("isolation.open-peer", "billing/allow-egress-halves (NetworkPolicy)", "more than a /8");
        assertCaught("authority.strict-peer-authentication", "shop-web/plain (PeerAuthentication)", "DISABLE");
        assertCaught("authority.no-allow-all", "shop-web/everyone (AuthorizationPolicy)", "any source to any port");
    }

    @Test
    void narrowBlocksStayNarrow() {
        render.add("kubernetes:networking.k8s.io/v1:NetworkPolicy", "billing-partner", json("""
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "allow-partner", "namespace": "billing"},
                 "spec": {"podSelector": {}, "policyTypes": ["Egress"], "egress": [{"to": [
                  {"ipBlock": {"cidr": "10.0.0.0/8"}}, {"ipBlock": {"cidr": "1.0.0.0/9"}},
                  {"ipBlock": {"cidr": "0.0.0.0/0", "except": ["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/2"]}}]}]}}"""));
        // a private /8, a public /9 and a /0 cut down to nothing public: 8.4 M public addresses, under a /8
        assertFalse(failedRules(report()).contains("isolation.open-peer"), report().summary("dev"));
    }

    @Test
    void aDeveloperInThePlatformAdminGroupIsCaught() {
        JsonObject entry = render.aws("aws:eks/accessEntry:AccessEntry", "cluster-access-developer-shop");
        JsonArray groups = entry.getAsJsonArray("kubernetesGroups");
        groups.add("bulkhead:platform-admins");
        CheckReport report = assertCaught("authority.one-deployer",
                "access entry bulkhead-dev-dev-shop (groups bulkhead:platform-admins, bulkhead:shop:developers)",
                "platform admin group");
        assertTrue(failedRules(report).contains("authority.admission-guards"), "admission exempts that group");
    }

    @Test
    void theKeyPolicyAndPodIdentityTrust() {
        JsonObject key = render.aws("aws:kms/key:Key", "cluster-secrets");
        JsonObject policy = json(key.get("policy").getAsString());
        policy.getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonArray("Action").add("kms:Put*");
        policy.getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonArray("Action").add("kms:Create*");
        key.addProperty("policy", policy.toString());
        JsonObject role = render.aws("aws:iam/role:Role", "cluster-vpc-cni");
        JsonObject trust = json(role.get("assumeRolePolicy").getAsString());
        trust.getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonObject("Condition")
                .getAsJsonObject("StringEquals").remove("aws:SourceAccount");
        role.addProperty("assumeRolePolicy", trust.toString());
        assertCaught("authority.kms-key-policy", "cluster-secrets (Key)", "rewrite the key policy without MFA");
        assertCaught("authority.kms-key-policy", "cluster-secrets (Key)", "grant use of the key to any principal");
        assertCaught("authority.pod-identity-trust", "cluster-vpc-cni (Role)", "aws:SourceAccount");
    }

    @Test
    void theCommandExitsOneOnAnAttack(@TempDir Path dir) throws IOException {
        associate("developer-shop-edit", "AmazonEKSEditPolicy", "{\"type\": \"cluster\"}");
        Files.writeString(dir.resolve("resources.json"), render.resources.toString());
        Files.writeString(dir.resolve(Intent.FILE), IntentJson.write(render.intent()));
        assertEquals(1, new CommandLine(new BulkheadCommand()).execute("check", dir.toString()));
        String report = Files.readString(dir.resolve("check.md"));
        assertTrue(report.contains("WRITES THE PERIMETER") || report.contains("authority.rbac-least-privilege"),
                report);
    }
}
