package dev.bulkhead.platform;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import dev.bulkhead.mock.RecordedResource;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.project.MockRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PlatformServices under the mock engine: what each release, role and policy is registered with, and in what order. */
class PlatformServicesTest {

    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    private static final String CLUSTER_POLICY = "kubernetes:kyverno.io/v1:ClusterPolicy";
    private static final String REMOTE = dev.bulkhead.kubernetes.RemoteManifest.TYPE;
    private static final String ECR = "111122223333.dkr.ecr.eu-west-1.amazonaws.com";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static MockRun run(PlatformSpec spec) {
        return MockRun.of(provider -> new PlatformServices("platform", PlatformServicesArgs.builder()
                .stack("dev").region("eu-west-1").spec(spec).provider(provider)
                .clusterName(Output.of("bulkhead-dev")).vpcId(Output.of("vpc-0abc"))
                .vpcCidr("10.40.0.0/16").serviceCidr("172.20.0.0/16")
                .guards(new dev.bulkhead.platform.guards.GuardContext(List.of(), List.of("kube-system")))
                .build(), null));
    }

    @Test
    void everyChartIsInstalledPinnedThroughTheClustersProvider() {
        var run = run(new PlatformSpec("dev.bulkhead.example", "monitoring", List.of()));
        Map<String, Chart> expected = Map.of("platform-istio-base", Charts.ISTIO_BASE, "platform-istiod", Charts.ISTIOD,
                "platform-istio-cni", Charts.ISTIO_CNI, "platform-ztunnel", Charts.ZTUNNEL,
                "platform-lb-controller", Charts.LOAD_BALANCER_CONTROLLER, "platform-kyverno", Charts.KYVERNO);
        assertEquals(6, run.ofType(RELEASE).size());
        expected.forEach((name, chart) -> {
            var release = run.find(RELEASE, name);
            assertEquals(chart.chart(), release.inputs().get("chart"), name);
            assertEquals(chart.version(), release.inputs().get("version"), name);
            assertEquals(Map.of("repo", chart.repository()), release.inputs().get("repositoryOpts"), name);
            assertEquals(chart.namespace(), release.inputs().get("namespace"), name);
            assertEquals(true, release.inputs().get("atomic"), name);
            assertEquals("k8s", run.registration(RELEASE, name).provider().orElseThrow(), name);
        });
        var istiod = values(run.find(RELEASE, "platform-istiod"));
        assertEquals("ambient", istiod.get("profile"));
        assertEquals("dev.bulkhead.example", map(istiod.get("meshConfig")).get("trustDomain"));
    }

    @Test
    void istioInstallsInOrderAfterTheGatewayApiAndBeforeStrictMtls() {
        var run = run(new PlatformSpec("cluster.local", "monitoring", List.of()));
        assertTrue(run.registration(RELEASE, "platform-istio-base").dependsOn()
                .contains("platform-gateway-api-crds"));
        assertTrue(run.registration(RELEASE, "platform-istiod").dependsOn().contains("platform-istio-base"));
        assertEquals(List.of("platform-istiod"), run.registration(RELEASE, "platform-istio-cni").dependsOn());
        assertEquals(List.of("platform-istio-cni"), run.registration(RELEASE, "platform-ztunnel").dependsOn());
        assertEquals(List.of("platform-istio-base", "platform-istiod"), run.registration(
                "kubernetes:security.istio.io/v1:PeerAuthentication", "platform-mesh-strict-mtls").dependsOn());

        var crds = run.registration(REMOTE, "platform-gateway-api-crds");
        assertEquals("k8s", crds.provider().orElseThrow(), "the CRDs go to the cluster, not the ambient kubeconfig");
        assertEquals(Charts.GATEWAY_API_CRDS, run.find(REMOTE, "platform-gateway-api-crds").inputs()
                .get("file"));
    }

    @Test
    void loadBalancerControllerGetsItsRoleThroughPodIdentityBeforeItStarts() {
        var run = run(new PlatformSpec("cluster.local", "monitoring", List.of()));
        var association = run.find("aws:eks/podIdentityAssociation:PodIdentityAssociation",
                "platform-lb-controller");
        assertEquals("kube-system", association.inputs().get("namespace"));
        assertEquals("aws-load-balancer-controller", association.inputs().get("serviceAccount"));
        assertEquals("bulkhead-dev", association.inputs().get("clusterName"));

        var role = run.find("aws:iam/role:Role", "platform-lb-controller");
        assertEquals("bulkhead-dev-lb-controller", role.inputs().get("name"));
        var trust = JsonParser.parseString((String) role.inputs().get("assumeRolePolicy")).getAsJsonObject()
                .getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals("pods.eks.amazonaws.com", trust.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("aws-load-balancer-controller", trust.getAsJsonObject("Condition")
                .getAsJsonObject("StringEquals").get("aws:RequestTag/kubernetes-service-account").getAsString());

        var policy = run.find("aws:iam/rolePolicy:RolePolicy", "platform-lb-controller-target-group-binding");
        List<String> actions = new ArrayList<>();
        JsonParser.parseString((String) policy.inputs().get("policy")).getAsJsonObject().getAsJsonArray("Statement")
                .forEach(s -> s.getAsJsonObject().getAsJsonArray("Action").forEach(a -> actions.add(a.getAsString())));
        assertTrue(actions.contains("elasticloadbalancing:RegisterTargets"), actions.toString());
        assertTrue(actions.stream().noneMatch(a -> a.contains("Create")), actions.toString());
        assertTrue(((String) policy.inputs().get("policy")).contains(":111122223333:targetgroup/dev-*/*"));

        var values = values(run.find(RELEASE, "platform-lb-controller"));
        assertEquals("bulkhead-dev", values.get("clusterName"));
        assertEquals("vpc-0abc", values.get("vpcId"));
        assertEquals("eu-west-1", values.get("region"));
        assertEquals(true, values.get("disableIngressGroupNameAnnotation"));
        assertTrue(run.registration(RELEASE, "platform-lb-controller").dependsOn().containsAll(List.of(
                "platform-lb-controller", "platform-lb-controller-target-group-binding")));
    }

    @Test
    void admissionPoliciesWaitForKyvernoAndDefaultToTheAccountsEcr() {
        var run = run(new PlatformSpec("cluster.local", "monitoring", List.of()));
        assertEquals(8, run.ofType(CLUSTER_POLICY).size());
        for (RecordedResource policy : run.ofType(CLUSTER_POLICY)) {
            assertEquals(List.of("platform-kyverno"), run.registration(CLUSTER_POLICY, policy.name()).dependsOn());
            assertEquals("platform", map(map(policy.inputs().get("metadata")).get("labels"))
                    .get("bulkhead.dev/component"));
        }
        var registries = run.find(CLUSTER_POLICY, "platform-bulkhead-allowed-registries");
        assertTrue(registries.inputs().get("spec").toString().contains("image=" + ECR + "/*"),
                registries.inputs().toString());
        var identities = run.find(CLUSTER_POLICY, "platform-bulkhead-platform-owned-identities");
        assertTrue(identities.inputs().get("spec").toString()
                .contains("arn:aws:sts::111122223333:assumed-role/bulkhead-dev-admin/*"));
    }

    @Test
    void aSignatureKeyAddsTheVerifyImagesPolicyForTheConfiguredRegistries() {
        String key = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";
        var run = run(new PlatformSpec("cluster.local", "monitoring", List.of("ghcr.io/acme"), key));
        assertEquals(9, run.ofType(CLUSTER_POLICY).size());
        var spec = map(run.find(CLUSTER_POLICY, "platform-bulkhead-signed-images").inputs().get("spec"));
        var verify = map(list(map(list(spec.get("rules")).get(0)).get("verifyImages")).get(0));
        assertEquals(List.of("ghcr.io/acme/*"), verify.get("imageReferences"));
        assertTrue(verify.toString().contains(key), verify.toString());

        var association = run.find("aws:eks/podIdentityAssociation:PodIdentityAssociation",
                "platform-kyverno-admission");
        assertEquals("kyverno", association.inputs().get("namespace"));
        assertEquals("kyverno-admission-controller", association.inputs().get("serviceAccount"));
        assertEquals("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly", run.ofType(
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(a -> a.name().startsWith("platform-kyverno-admission")).findFirst().orElseThrow()
                .inputs().get("policyArn"));
        assertTrue(run.registration(RELEASE, "platform-kyverno").dependsOn().contains("platform-kyverno-admission"));
        // it fetches signatures from registries, whose layers ECR keeps in S3: an explicit, reported allow-any
        var registries = run.find("kubernetes:networking.k8s.io/v1:NetworkPolicy", "platform-netpol-kyverno-kyverno-registries");
        assertEquals("true", map(map(registries.inputs().get("metadata")).get("annotations")).get("bulkhead.dev/allow-any"));
        assertTrue(registries.inputs().get("spec").toString().contains("10.0.0.0/8"), "private ranges cut out");
    }

    @Test
    void withoutASignatureKeyKyvernoHasNoAwsIdentity() {
        var run = run(new PlatformSpec("cluster.local", "monitoring", List.of()));
        assertEquals(List.of("platform-lb-controller"), run.ofType(
                "aws:eks/podIdentityAssociation:PodIdentityAssociation").stream().map(RecordedResource::name).toList());
        assertEquals(List.of("platform-ztunnel"), run.registration(RELEASE, "platform-kyverno").dependsOn());
    }

    @Test
    void theGuardsAndTheDeveloperRoleComeFirstWithoutWaitingForAnyChart() {
        var run = run(new PlatformSpec("cluster.local", "monitoring", List.of()));
        String vap = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy";
        String binding = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding";
        List<String> guards = List.of("bulkhead-perimeter-objects", "bulkhead-project-namespaces",
                "bulkhead-no-external-ips", "bulkhead-tenant-pods", "bulkhead-no-token-secrets",
                "bulkhead-service-accounts");
        assertEquals(new java.util.TreeSet<>(guards), run.ofType(vap).stream()
                .map(r -> (String) map(r.inputs().get("metadata")).get("name"))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        for (String guard : guards) {
            var policy = run.find(vap, "platform-validatingadmissionpolicy-" + guard);
            assertEquals("Fail", map(policy.inputs().get("spec")).get("failurePolicy"), guard);
            // in-process in the API server: nothing to wait for, so no namespace ever exists without them
            assertEquals(List.of(), run.registration(vap, policy.name()).dependsOn(), guard);
            var deny = run.find(binding, "platform-validatingadmissionpolicybinding-" + guard);
            assertEquals(Map.of("policyName", guard, "validationActions", List.of("Deny")), deny.inputs().get("spec"));
        }
        var role = run.find("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "platform-developer-role");
        assertEquals("bulkhead-developer", map(role.inputs().get("metadata")).get("name"));
    }

    @Test
    void theControllersStrictModeClosesGetTheirOwnPolicies() {
        String netpol = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
        var run = run(new PlatformSpec("cluster.local", "monitoring", List.of()));
        assertEquals(List.of("platform-netpol-kube-system-aws-load-balancer-controller", "platform-netpol-kyverno-kyverno"),
                run.ofType(netpol).stream().map(RecordedResource::name).sorted().toList());
        var controller = map(run.find(netpol, "platform-netpol-kube-system-aws-load-balancer-controller").inputs()
                .get("spec"));
        assertEquals(Map.of("matchLabels", Map.of("app.kubernetes.io/name", "aws-load-balancer-controller")),
                controller.get("podSelector"));
        assertTrue(controller.get("egress").toString().contains("169.254.170.23/32"), "credentials from Pod Identity");
        assertTrue(controller.get("ingress").toString().contains("9443"), "its webhook");
        assertTrue(run.ofType(netpol).stream().noneMatch(p -> p.inputs().toString().contains("0.0.0.0/0")),
                "without signatures nothing reaches the internet");
    }

    private static Map<String, Object> values(RecordedResource release) {
        return map(release.inputs().get("values"));
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
