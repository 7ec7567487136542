package com.example.teamshop;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.bulkhead.mock.PlausibleMocks;
import dev.bulkhead.mock.RecordedResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack of Pulumi.dev.yaml under mocked providers: what it asks the cluster for, input by input. */
class ShopStackTest {

    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    private static final String SERVICE = "kubernetes:core/v1:Service";
    private static final String ACCOUNT = "kubernetes:core/v1:ServiceAccount";
    private static final String BUDGET = "kubernetes:policy/v1:PodDisruptionBudget";
    private static final String AUTOSCALER = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";

    private PlausibleMocks mocks;

    @BeforeEach
    void run() throws IOException {
        ShopSettings settings = ShopSettings.from(StackFile.lookup(StackFile.config(Path.of("Pulumi.dev.yaml"))));
        mocks = new PlausibleMocks("eu-west-1");
        TestResult result = PulumiTest.withMocks(mocks)
                .withOptions(TestOptions.builder().projectName("team-shop").stackName("dev").preview(false).build())
                .runTest(ctx -> ShopStack.define(ctx, settings));
        assertEquals(List.of(), result.exceptions());
        assertEquals(List.of(), result.errors());
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void itCreatesOnlyWorkloadKindsInTheProjectsNamespaces() {
        Set<String> types = new TreeSet<>();
        for (RecordedResource r : mocks.recorded().values()) {
            types.add(r.type());
            if (!r.type().startsWith("kubernetes:")) {
                continue;
            }
            Object namespace = metadata(r).get("namespace");
            assertTrue(List.of("shop-web", "shop-api").contains(namespace), r.type() + " " + r.name() + " in " + namespace);
        }
        // no NetworkPolicy, Istio object, RBAC, Namespace or Pod: those are the platform's, or not needed
        assertEquals(new TreeSet<>(List.of("pulumi:providers:kubernetes", "bulkhead:workload:AppWorkload", ACCOUNT,
                DEPLOYMENT, SERVICE, BUDGET, AUTOSCALER)), types);
        assertEquals(2, mocks.ofType(DEPLOYMENT).size());
    }

    @Test
    void itTalksToTheClusterAsTheWorkspaceInsideIt() {
        List<RecordedResource> providers = mocks.recorded().values().stream().filter(RecordedResource::isProvider)
                .toList();
        assertEquals(1, providers.size());
        String kubeconfig = (String) providers.get(0).inputs().get("kubeconfig");
        assertTrue(kubeconfig.contains("server: https://kubernetes.default.svc"), kubeconfig);
        assertTrue(kubeconfig.contains("tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token"), kubeconfig);
    }

    @Test
    void storefrontRunsHardenedUnderItsOwnTokenlessIdentity() {
        assertEquals(false, get(ACCOUNT, "storefront-serviceaccount").inputs().get("automountServiceAccountToken"));
        Map<String, Object> spec = map(get(DEPLOYMENT, "storefront-deployment").inputs().get("spec"));
        assertNull(spec.get("replicas"), "the autoscaler owns the count");
        Map<String, Object> template = map(spec.get("template"));
        Map<String, Object> labels = map(map(template.get("metadata")).get("labels"));
        assertEquals("shop", labels.get("bulkhead.dev/project"));
        assertEquals("storefront", labels.get("app.kubernetes.io/name"));
        assertEquals("callers", labels.get("bulkhead.dev/trust"), "callers: [] takes it out of the project-wide policies");
        Map<String, Object> pod = map(template.get("spec"));
        assertEquals("storefront", pod.get("serviceAccountName"));
        assertEquals(false, pod.get("automountServiceAccountToken"));
        assertEquals(true, map(pod.get("securityContext")).get("runAsNonRoot"));
        Map<String, Object> container = map(((List<?>) pod.get("containers")).get(0));
        assertEquals("111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/storefront@sha256:"
                + "91d32ca666c2124897841712a28eb99404a314ff21324d099714b0a87fa5aeb9", container.get("image"));
        assertEquals(Map.of("cpu", "250m", "memory", "256Mi"), map(map(container.get("resources")).get("requests")));
        assertTrue(String.valueOf(container.get("env")).contains("CATALOG_URL"), () -> String.valueOf(container));
        Map<String, Object> security = map(container.get("securityContext"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(true, security.get("readOnlyRootFilesystem"));

        Map<String, Object> autoscaler = map(get(AUTOSCALER, "storefront-hpa").inputs().get("spec"));
        assertEquals(2, ((Number) autoscaler.get("minReplicas")).intValue());
        assertEquals(6, ((Number) autoscaler.get("maxReplicas")).intValue());
        assertEquals(1, ((Number) map(get(BUDGET, "storefront-pdb").inputs().get("spec")).get("maxUnavailable"))
                .intValue());
    }

    @Test
    void servicesAreClusterIpOnTheContainerPortAndL7AppsUseTheWaypoint() {
        Map<String, Object> storefront = get(SERVICE, "storefront-service").inputs();
        assertEquals("ClusterIP", map(storefront.get("spec")).get("type"));
        assertFalse(map(storefront.get("spec")).containsKey("externalIPs"));
        assertEquals(8080, ((Number) map(((List<?>) map(storefront.get("spec")).get("ports")).get(0)).get("targetPort"))
                .intValue());
        assertFalse(map(map(storefront.get("metadata")).get("labels")).containsKey("istio.io/use-waypoint"));

        Map<String, Object> orders = get(SERVICE, "orders-service").inputs();
        assertEquals("waypoint", map(map(orders.get("metadata")).get("labels")).get("istio.io/use-waypoint"));
        Map<String, Object> template = map(map(get(DEPLOYMENT, "orders-deployment").inputs().get("spec")).get("template"));
        assertEquals("waypoint", map(map(template.get("metadata")).get("labels")).get("bulkhead.dev/trust"));
        Map<String, Object> container = map(((List<?>) map(template.get("spec")).get("containers")).get(0));
        assertEquals("/healthz/ready", map(map(container.get("readinessProbe")).get("httpGet")).get("path"));
    }

    private RecordedResource get(String type, String name) {
        return mocks.find(type, name).orElseThrow(() -> new AssertionError("no " + type + " " + name + "; have "
                + new TreeSet<>(mocks.recorded().keySet())));
    }

    private static Map<String, Object> metadata(RecordedResource r) {
        return map(r.inputs().get("metadata"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, () -> "not a mapping: " + value);
        return (Map<String, Object>) value;
    }
}
