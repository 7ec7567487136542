package dev.bulkhead.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.bulkhead.intent.DeclaredFlow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.bulkhead.check.MutatedRender.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Take the good dev render, break one promise at a time, and {@code check} must fail with the rule that names it;
 * the untouched render passes without a finding.
 */
class CheckMutationTest {

    private final MutatedRender render = new MutatedRender();

    /** Adds the ALB listeners the ingress component creates, when the render has none of its own yet. */
    private void withListeners() {
        if (render.resources.toString().contains("aws:lb/listener:Listener")) {
            return;
        }
        render.add("aws:lb/listener:Listener", "shop-https", json("""
                {"protocol": "HTTPS", "port": 443, "sslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
                 "certificateArn": "arn:aws:acm:eu-west-1:111122223333:certificate/x",
                 "defaultActions": [{"type": "forward", "targetGroupArn": "arn:tg"}]}"""));
        render.add("aws:lb/listener:Listener", "shop-http", json("""
                {"protocol": "HTTP", "port": 80, "defaultActions": [{"type": "redirect",
                 "redirect": {"protocol": "HTTPS", "port": "443", "statusCode": "HTTP_301"}}]}"""));
    }

    private Set<String> failedRules() {
        CheckReport report = CheckReport.of(render.view());
        Set<String> ids = new TreeSet<>();
        report.findings().forEach(f -> ids.add(f.ruleId()));
        return ids;
    }

    private void assertFails(String... ruleIds) {
        CheckReport report = CheckReport.of(render.view());
        assertFalse(report.passed(), report.summary("dev"));
        assertTrue(report.markdown().contains("## Violations"));
        assertTrue(report.json().contains("\"passed\": false"));
        Set<String> failed = failedRules();
        for (String id : ruleIds) {
            assertTrue(failed.contains(id), "expected " + id + " in " + failed + "\n" + report.summary("dev"));
        }
    }

    @Test
    void theUntouchedRenderPassesWithoutFindings() {
        withListeners();
        CheckReport report = CheckReport.of(render.view());
        assertTrue(report.passed(), report.summary("dev"));
        assertEquals(List.of(), report.findings());
        assertTrue(report.connectivity().undeclared().isEmpty());
    }

    @Test
    void theMatrixProbesEveryKindOfEndpoint() {
        var kinds = new TreeSet<Probe.Kind>();
        CheckReport.of(render.view()).connectivity().probes().forEach(p -> kinds.add(p.kind()));
        assertEquals(new TreeSet<>(Set.of(Probe.Kind.values())), kinds);
    }

    @Test
    void openingOneProjectToAnotherOnBothEndsIsCaught() {
        render.kubernetes("NetworkPolicy", "billing", "allow-same-project").getAsJsonObject("spec")
                .getAsJsonArray("ingress").add(json("{\"from\": [{\"namespaceSelector\": {\"matchLabels\": "
                        + "{\"bulkhead.dev/project\": \"shop\"}}}]}"));
        render.kubernetes("NetworkPolicy", "shop-web", "allow-same-project").getAsJsonObject("spec")
                .getAsJsonArray("egress").add(json("{\"to\": [{\"namespaceSelector\": {\"matchLabels\": "
                        + "{\"bulkhead.dev/project\": \"billing\"}}}], \"ports\": [{\"protocol\": \"TCP\", "
                        + "\"port\": 5432}]}"));
        assertFails("connectivity.cross-project");
        assertEquals(Set.of("connectivity.cross-project"), failedRules());
    }

    @Test
    void deletingADefaultDeny() {
        render.remove(render.kubernetes("NetworkPolicy", "shop-web", "default-deny"));
        assertFails("isolation.default-deny");
        assertEquals(Set.of("isolation.default-deny"), failedRules());
    }

    @Test
    void wideningASelectorToAllNamespaces() {
        JsonObject peer = render.kubernetes("NetworkPolicy", "shop-api", "allow-same-project")
                .getAsJsonObject("spec").getAsJsonArray("ingress").get(0).getAsJsonObject()
                .getAsJsonArray("from").get(0).getAsJsonObject();
        peer.add("namespaceSelector", new JsonObject());
        assertFails("isolation.open-peer", "connectivity.cross-project");
    }

    @Test
    void droppingTheMfaCondition() {
        JsonObject admin = render.aws("aws:iam/role:Role", "access-admin");
        JsonObject trust = json(admin.get("assumeRolePolicy").getAsString());
        trust.getAsJsonArray("Statement").get(0).getAsJsonObject().remove("Condition");
        admin.addProperty("assumeRolePolicy", trust.toString());
        assertFails("access.mfa-required");
        assertEquals(Set.of("access.mfa-required"), failedRules());
    }

    @Test
    void unboundedMfaAgeAndWildcardPrincipal() {
        JsonObject auditor = render.aws("aws:iam/role:Role", "access-auditor");
        JsonObject trust = json(auditor.get("assumeRolePolicy").getAsString());
        JsonObject statement = trust.getAsJsonArray("Statement").get(0).getAsJsonObject();
        statement.getAsJsonObject("Condition").remove("NumericLessThan");
        statement.add("Principal", json("{\"AWS\": \"*\"}"));
        auditor.addProperty("assumeRolePolicy", trust.toString());
        assertFails("access.mfa-required", "access.no-wildcard-principal");
    }

    @Test
    void makingTheEndpointPublicToEveryone() {
        JsonObject vpc = render.aws("aws:eks/cluster:Cluster", "cluster").getAsJsonObject("vpcConfig");
        vpc.addProperty("endpointPublicAccess", true);
        JsonArray cidrs = new JsonArray();
        cidrs.add("0.0.0.0/0");
        vpc.add("publicAccessCidrs", cidrs);
        assertFails("cluster.private-endpoint");
        assertEquals(Set.of("cluster.private-endpoint"), failedRules());
    }

    @Test
    void addingEgressToEveryAddress() {
        render.kubernetes("NetworkPolicy", "billing", "allow-dns").getAsJsonObject("spec").getAsJsonArray("egress")
                .add(json("{\"to\": [{\"ipBlock\": {\"cidr\": \"0.0.0.0/0\"}}], \"ports\": [{\"protocol\": \"TCP\", "
                        + "\"port\": 443}]}"));
        assertFails("isolation.open-peer", "connectivity.undeclared-egress");
    }

    @Test
    void anExplicitAllowAnyIsReportedButPasses() {
        JsonObject policy = json("""
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "allow-egress-any", "namespace": "billing",
                  "labels": {"bulkhead.dev/component": "egress", "bulkhead.dev/project": "billing"},
                  "annotations": {"bulkhead.dev/allow-any": "true"}},
                 "spec": {"podSelector": {}, "policyTypes": ["Egress"], "egress": [{"to": [{"ipBlock":
                  {"cidr": "0.0.0.0/0", "except": ["10.40.0.0/16", "172.20.0.0/16"]}}],
                  "ports": [{"protocol": "TCP", "port": 443}]}]}}""");
        render.add("kubernetes:networking.k8s.io/v1:NetworkPolicy", "billing-allow-any", policy);
        // the labels and annotation alone prove nothing: only the config declares a flow
        assertFails("connectivity.undeclared-egress");
        render.declare(new DeclaredFlow("project:billing", "outside", List.of("443/TCP"),
                "declared egress to 0.0.0.0/0:443", "projects[billing].egress[0] (0.0.0.0/0:443 (allowAny))"));
        CheckReport report = CheckReport.of(render.view());
        assertTrue(report.passed(), report.summary("dev"));
        assertEquals(Set.of("isolation.allow-any"), failedRules());
        assertEquals(1, report.warnings());
    }

    @Test
    void givingADeveloperClusterScope() {
        render.add("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "developer-shop-edit", json("""
                {"clusterName": "bulkhead-dev", "accessScope": {"type": "cluster"},
                 "policyArn": "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy",
                 "principalArn": "arn:aws:iam::111122223333:role/bulkhead-dev-dev-shop"}"""));
        assertFails("access.developer-scope", "authority.one-deployer", "authority.rbac-least-privilege");
    }

    @Test
    void scopingADeveloperAcrossProjects() {
        render.add("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "developer-shop-admin", json("""
                {"clusterName": "bulkhead-dev", "accessScope": {"type": "namespace", "namespaces": ["shop-web",
                 "billing"]}, "policyArn": "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy",
                 "principalArn": "arn:aws:iam::111122223333:role/bulkhead-dev-dev-shop"}"""));
        assertFails("access.developer-scope", "authority.rbac-least-privilege");
    }

    @Test
    void removingTheHttpRedirect() {
        withListeners();
        JsonObject http = render.find(o -> o.get("type").getAsString().equals("aws:lb/listener:Listener")
                && "HTTP".equals(o.getAsJsonObject("inputs").get("protocol").getAsString())).getAsJsonObject("inputs");
        http.add("defaultActions", json("{\"a\": [{\"type\": \"forward\", \"targetGroupArn\": \"arn:tg\"}]}")
                .getAsJsonArray("a"));
        assertFails("ingress.https-only");
        assertEquals(Set.of("ingress.https-only"), failedRules());
    }

    @Test
    void weakeningTheTlsPolicy() {
        withListeners();
        JsonObject https = render.find(o -> o.get("type").getAsString().equals("aws:lb/listener:Listener")
                && "HTTPS".equals(o.getAsJsonObject("inputs").get("protocol").getAsString())).getAsJsonObject("inputs");
        https.addProperty("sslPolicy", "ELBSecurityPolicy-2016-08");
        assertFails("ingress.tls-policy");
    }

    @Test
    void imdsHopLimitAndCniEnforcement() {
        render.aws("aws:ec2/launchTemplate:LaunchTemplate", "cluster-nodes-general").getAsJsonObject("metadataOptions")
                .addProperty("httpPutResponseHopLimit", 2);
        render.aws("aws:eks/addon:Addon", "cluster-vpc-cni").addProperty("configurationValues", "{}");
        assertFails("cluster.imdsv2", "cluster.network-policy-enforcement");
    }

    @Test
    void turningOffSecretsEncryptionAndAuditLogs() {
        JsonObject cluster = render.aws("aws:eks/cluster:Cluster", "cluster");
        cluster.remove("encryptionConfig");
        cluster.add("enabledClusterLogTypes", json("{\"a\": [\"api\"]}").getAsJsonArray("a"));
        assertFails("cluster.secrets-encryption", "cluster.audit-logging");
    }

    @Test
    void admittingAnInternetRange() {
        render.kubernetes("NetworkPolicy", "shop-web", "allow-ambient").getAsJsonObject("spec")
                .getAsJsonArray("ingress").add(json("{\"from\": [{\"ipBlock\": {\"cidr\": \"198.51.100.0/24\"}}]}"));
        assertFails("connectivity.internet-ingress");
        assertEquals(Set.of("connectivity.internet-ingress"), failedRules());
    }

    @Test
    void weakeningANamespace() {
        render.remove(render.kubernetes("PeerAuthentication", "billing", "strict-mtls"));
        render.remove(render.kubernetes("AuthorizationPolicy", "billing", "allow-nothing"));
        JsonObject ns = render.find(o -> o.get("type").getAsString().equals("kubernetes:core/v1:Namespace")
                && o.getAsJsonObject("inputs").getAsJsonObject("metadata").get("name").getAsString().equals("billing"))
                .getAsJsonObject("inputs").getAsJsonObject("metadata").getAsJsonObject("labels");
        ns.addProperty("pod-security.kubernetes.io/enforce", "baseline");
        render.kubernetes("ServiceAccountPatch", "billing", "default").addProperty("automountServiceAccountToken", true);
        render.add("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "billing-admin", json("""
                {"metadata": {"name": "app-admin", "namespace": "billing"}, "roleRef": {"kind": "ClusterRole",
                 "name": "admin"}, "subjects": [{"kind": "ServiceAccount", "name": "default", "namespace": "billing"}]}"""));
        assertFails("isolation.strict-mtls", "isolation.allow-nothing", "isolation.pod-security",
                "isolation.default-token", "isolation.no-user-rbac");
    }

    @Test
    void tooManyPortsInOneRule() {
        JsonArray ports = new JsonArray();
        for (int port = 9000; port < 9030; port++) {
            ports.add(json("{\"protocol\": \"TCP\", \"port\": " + port + "}"));
        }
        render.kubernetes("NetworkPolicy", "billing", "allow-monitoring").getAsJsonObject("spec")
                .getAsJsonArray("ingress").get(0).getAsJsonObject().add("ports", ports);
        assertFails("limits.netpol-ports");
    }

    @Test
    void everyRuleHasAUniqueIdInItsCategory() {
        Set<String> ids = new TreeSet<>();
        for (Rule rule : RuleBook.all()) {
            assertTrue(ids.add(rule.id()), "duplicate " + rule.id());
            assertTrue(rule.id().startsWith(rule.category() + "."), rule.id());
            assertFalse(rule.fix().isBlank(), rule.id());
        }
    }
}
