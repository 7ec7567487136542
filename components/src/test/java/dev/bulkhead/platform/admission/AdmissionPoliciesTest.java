package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform's Kyverno ClusterPolicies, rule by rule. */
class AdmissionPoliciesTest {

    private static final String ECR = "111122223333.dkr.ecr.eu-west-1.amazonaws.com";
    private static final String KEY = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";
    private static final AdmissionContext CONTEXT = new AdmissionContext("aws", "111122223333", "eu-west-1",
            "bulkhead-dev-admin", List.of(ECR, "ghcr.io/acme"), null, List.of("istio-system", "kyverno"));
    private static final AdmissionContext SIGNED = new AdmissionContext("aws", "111122223333", "eu-west-1",
            "bulkhead-dev-admin", List.of(ECR), KEY, List.of("istio-system", "kyverno"));

    @Test
    void eightPoliciesAndANinthForSignatures() {
        assertEquals(List.of("bulkhead-restricted-pods", "bulkhead-resources-and-probes",
                        "bulkhead-no-service-account-token", "bulkhead-platform-owned-identities",
                        "bulkhead-allowed-registries", "bulkhead-image-tags", "bulkhead-no-host-access",
                        "bulkhead-cluster-ip-services-only"),
                AdmissionPolicies.all(CONTEXT).stream().map(Manifest::name).toList());
        assertEquals("bulkhead-signed-images", AdmissionPolicies.all(SIGNED).get(8).name());
        for (Manifest policy : AdmissionPolicies.all(SIGNED)) {
            assertEquals("kyverno.io/v1", policy.apiVersion());
            assertEquals("ClusterPolicy", policy.kind());
            assertEquals(null, policy.namespace());
            assertEquals("platform", policy.labels().get("bulkhead.dev/component"));
            assertFalse(policy.spec().containsKey("validationFailureAction"), "deprecated policy-wide action");
        }
    }

    @Test
    void everyRuleEnforces() {
        for (Manifest policy : AdmissionPolicies.all(SIGNED)) {
            for (Map<String, Object> rule : rules(policy)) {
                Map<String, Object> action = rule.containsKey("validate") ? map(rule.get("validate"))
                        : map(list(rule.get("verifyImages")).get(0));
                assertEquals("Enforce", action.get("failureAction"), policy.name() + "/" + rule.get("name"));
            }
        }
    }

    @Test
    void podRulesMatchTenantWorkloadNamespacesOnly() {
        Map<String, Object> expected = Map.of("matchExpressions", List.of(
                Map.of("key", "bulkhead.dev/project", "operator", "Exists"),
                Map.of("key", "bulkhead.dev/role", "operator", "NotIn", "values", List.of("gateway", "egress"))));
        int podRules = 0;
        for (Manifest policy : AdmissionPolicies.all(SIGNED)) {
            for (Map<String, Object> rule : rules(policy)) {
                var resources = map(map(list(map(rule.get("match")).get("any")).get(0)).get("resources"));
                if (resources.get("kinds").equals(List.of("Pod"))) {
                    podRules++;
                    assertEquals(expected, resources.get("namespaceSelector"), policy.name());
                    assertEquals(List.of("CREATE", "UPDATE"), resources.get("operations"));
                    if (rule.containsKey("validate")) {
                        // istiod's waypoints run Istio's image, with its token: the tenant rules leave them out
                        assertEquals(Map.of("any", List.of(Map.of("resources", Map.of("selector", Map.of(
                                "matchExpressions", List.of(Map.of("key", "gateway.networking.k8s.io/gateway-name",
                                        "operator", "Exists"))))))), rule.get("exclude"), policy.name());
                    }
                }
            }
        }
        assertEquals(12, podRules);
    }

    @Test
    void restrictedSecurityContextOnEveryKindOfContainer() {
        var policy = RestrictedPodSecurity.of(CONTEXT);
        var pattern = map(map(validate(policy, "restricted-security-context").get("pattern")).get("spec"));
        assertEquals(java.util.Set.of("containers", "=(ephemeralContainers)", "=(initContainers)"),
                pattern.keySet());
        for (Object containers : pattern.values()) {
            var securityContext = map(map(list(containers).get(0)).get("securityContext"));
            assertEquals(true, securityContext.get("runAsNonRoot"));
            assertEquals(false, securityContext.get("allowPrivilegeEscalation"));
            assertEquals(true, securityContext.get("readOnlyRootFilesystem"));
            assertEquals(Map.of("type", "RuntimeDefault"), securityContext.get("seccompProfile"));
            assertEquals(Map.of("X(add)", "null"), securityContext.get("capabilities"));
        }
        var drop = map(list(validate(policy, "drop-all-capabilities").get("foreach")).get(0));
        assertEquals("request.object.spec.[ephemeralContainers, initContainers, containers][]", drop.get("list"));
        var condition = map(list(map(map(drop.get("deny")).get("conditions")).get("any")).get(0));
        assertEquals("ALL", condition.get("key"));
        assertEquals("AnyNotIn", condition.get("operator"));
    }

    @Test
    void resourcesProbesAndNoToken() {
        var containers = list(map(map(validate(ResourcesAndProbes.of(CONTEXT), "requests-and-limits")
                .get("pattern")).get("spec")).get("containers"));
        assertEquals(Map.of("requests", Map.of("cpu", "?*", "memory", "?*"), "limits",
                Map.of("cpu", "?*", "memory", "?*")), map(containers.get(0)).get("resources"));
        var probes = map(list(map(map(validate(ResourcesAndProbes.of(CONTEXT), "liveness-and-readiness-probes")
                .get("pattern")).get("spec")).get("containers")).get(0));
        assertEquals(java.util.Set.of("livenessProbe", "readinessProbe"), probes.keySet());
        assertEquals(Map.of("spec", Map.of("automountServiceAccountToken", false)),
                validate(NoServiceAccountToken.of(CONTEXT), "no-token-automount").get("pattern"));
    }

    @Test
    void identitiesAndBindingsAreThePlatformsAlone() {
        var policy = PlatformOwnedIdentities.of(CONTEXT);
        var namespaced = rule(policy, "no-tenant-identities");
        var resources = map(map(list(map(namespaced.get("match")).get("any")).get(0)).get("resources"));
        // ServiceAccounts are the bulkhead-service-accounts admission guard's: workspaces keep default patched
        assertEquals(List.of("Role", "RoleBinding"), resources.get("kinds"));
        // gateway namespaces too
        assertEquals(Map.of("matchExpressions", List.of(Map.of("key", "bulkhead.dev/project", "operator", "Exists"))),
                resources.get("namespaceSelector"));
        var clusterWide = map(map(list(map(rule(policy, "no-tenant-cluster-role-bindings").get("match")).get("any"))
                .get(0)).get("resources"));
        assertEquals(List.of("ClusterRoleBinding"), clusterWide.get("kinds"));
        assertFalse(clusterWide.containsKey("namespaceSelector"));

        var subjects = list(map(list(map(namespaced.get("exclude")).get("any")).get(0)).get("subjects"));
        assertEquals(List.of(
                Map.of("kind", "User", "name", "arn:aws:sts::111122223333:assumed-role/bulkhead-dev-admin/*"),
                Map.of("kind", "User", "name", "system:kube-controller-manager"),
                Map.of("kind", "User", "name", "eks:*"),
                Map.of("kind", "Group", "name", "system:serviceaccounts:kube-system"),
                Map.of("kind", "Group", "name", "system:serviceaccounts:istio-system"),
                Map.of("kind", "Group", "name", "system:serviceaccounts:kyverno")), subjects);
        for (Object subject : subjects) {
            String name = (String) map(subject).get("name");
            // a tenant's own service accounts and developer sessions must not be excluded
            assertFalse(wildcard(name).matcher("system:serviceaccount:shop-web:default").matches(), name);
            assertFalse(wildcard(name).matcher("arn:aws:sts::111122223333:assumed-role/bulkhead-dev-dev-shop/bob")
                    .matches(), name);
        }
    }

    @Test
    void imagesOnlyFromAllowedRegistriesWithAnExplicitTag() {
        assertEquals(ECR + "/* | ghcr.io/acme/*", AllowedRegistries.imagePattern(CONTEXT.registries()));
        var pattern = map(map(validate(AllowedRegistries.of(CONTEXT), "allowed-registries").get("pattern"))
                .get("spec"));
        assertEquals(Map.of("image", ECR + "/* | ghcr.io/acme/*"), map(list(pattern.get("containers")).get(0)));
        assertEquals(ECR, AdmissionContext.ecrRegistry("111122223333", "eu-west-1"));

        var tagOrDigest = Pattern.compile(ImageTags.TAG_OR_DIGEST);
        for (String good : List.of(ECR + "/shop/web:1.4.2", "ghcr.io/acme/app:v2",
                "registry:5000/app:2024-01", ECR + "/app@sha256:" + "a".repeat(64),
                "app:1.0@sha256:" + "b".repeat(64))) {
            assertTrue(tagOrDigest.matcher(good).find(), good);
        }
        for (String bad : List.of(ECR + "/shop/web", "registry:5000/app", "app@sha256:abc",
                "app:1.0@sha256:abc")) {
            assertFalse(tagOrDigest.matcher(bad).find(), bad);
        }
        var latest = map(map(validate(ImageTags.of(CONTEXT), "no-latest-tag").get("pattern")).get("spec"));
        assertEquals(Map.of("image", "!*:latest"), map(list(latest.get("=(initContainers)")).get(0)));
    }

    @Test
    void noHostAccessAndNoExposedServices() {
        var policy = NoHostAccess.of(CONTEXT);
        assertEquals(Map.of("spec", Map.of("=(hostNetwork)", false, "=(hostPID)", false, "=(hostIPC)", false)),
                validate(policy, "no-host-namespaces").get("pattern"));
        assertEquals(Map.of("spec", Map.of("=(volumes)", List.of(Map.of("X(hostPath)", "null")))),
                validate(policy, "no-host-path").get("pattern"));
        var ports = map(map(validate(policy, "no-host-ports").get("pattern")).get("spec"));
        assertEquals(List.of(Map.of("=(ports)", List.of(Map.of("=(hostPort)", 0)))), ports.get("containers"));

        var services = ClusterIpServicesOnly.of(CONTEXT);
        var rule = rule(services, "no-node-port-or-load-balancer");
        var resources = map(map(list(map(rule.get("match")).get("any")).get(0)).get("resources"));
        assertEquals(List.of("Service"), resources.get("kinds"));
        var condition = map(list(map(map(map(rule.get("validate")).get("deny")).get("conditions")).get("any")).get(0));
        assertEquals("AnyIn", condition.get("operator"));
        assertEquals(List.of("NodePort", "LoadBalancer"), condition.get("value"));
    }

    @Test
    void signaturesVerifiedWithTheConfiguredKeyOffline() {
        var policy = SignedImages.of(SIGNED);
        assertEquals(false, policy.spec().get("background"));
        var verify = map(list(rules(policy).get(0).get("verifyImages")).get(0));
        assertEquals(List.of(ECR + "/*"), verify.get("imageReferences"));
        assertEquals(true, verify.get("mutateDigest"));
        assertEquals(true, verify.get("required"));
        var keys = map(map(list(map(list(verify.get("attestors")).get(0)).get("entries")).get(0)).get("keys"));
        assertEquals(KEY, keys.get("publicKeys"));
        assertEquals(Map.of("ignoreTlog", true), keys.get("rekor"));
        assertThrows(IllegalArgumentException.class, () -> SignedImages.of(CONTEXT));
    }

    @Test
    void aContextNeedsARegistry() {
        assertThrows(IllegalArgumentException.class, () -> new AdmissionContext("aws", "1", "eu-west-1", "admin",
                List.of(), null, List.of()));
    }

    private static Pattern wildcard(String kyvernoWildcard) {
        return Pattern.compile(Pattern.quote(kyvernoWildcard).replace("*", "\\E.*\\Q"));
    }

    private static List<Map<String, Object>> rules(Manifest policy) {
        List<Map<String, Object>> rules = new ArrayList<>();
        list(policy.spec().get("rules")).forEach(r -> rules.add(map(r)));
        return rules;
    }

    private static Map<String, Object> rule(Manifest policy, String name) {
        return rules(policy).stream().filter(r -> name.equals(r.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(policy.name() + " has no rule " + name));
    }

    private static Map<String, Object> validate(Manifest policy, String rule) {
        return map(rule(policy, rule).get("validate"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
