package dev.bulkhead.workload;

import com.pulumi.test.PulumiTest;
import dev.bulkhead.mock.RecordedResource;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.project.MockRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.bulkhead.project.MockRun.asEngineSees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The App component under the mock engine: the inputs of every object it creates, and their order. */
class AppTest {

    private static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    private static final String SERVICE = "kubernetes:core/v1:Service";
    private static final String PDB = "kubernetes:policy/v1:PodDisruptionBudget";
    private static final String HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static MockRun shopApps() {
        return MockRun.of(provider -> new ProjectApps("apps-shop", ProjectAppsArgs.builder()
                .project(Apps.shop()).platform(Apps.PLATFORM).provider(provider).build(), null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @Test
    void theServiceAccountIsTheAppsIdentityWithoutAToken() {
        RecordedResource account = shopApps().find(SERVICE_ACCOUNT, "apps-shop-storefront-serviceaccount");
        assertEquals(false, account.inputs().get("automountServiceAccountToken"));
        Map<String, Object> metadata = map(account.inputs().get("metadata"));
        assertEquals("storefront", metadata.get("name"));
        assertEquals("shop-web", metadata.get("namespace"));
        assertEquals(Map.of("app.kubernetes.io/managed-by", "bulkhead", "app.kubernetes.io/name", "storefront",
                "bulkhead.dev/component", "workload", "bulkhead.dev/project", "shop"), metadata.get("labels"));
    }

    @Test
    void theDeploymentRunsHardenedPodsAsTheAppsOwnAccount() {
        Map<String, Object> spec = map(shopApps().find(DEPLOYMENT, "apps-shop-storefront-deployment").inputs()
                .get("spec"));
        assertFalse(spec.containsKey("replicas"), "the autoscaler owns the count");
        assertEquals(Map.of("matchLabels", Map.of("app.kubernetes.io/name", "storefront")), spec.get("selector"));
        Map<String, Object> template = map(spec.get("template"));
        assertEquals(Map.of("app.kubernetes.io/managed-by", "bulkhead", "app.kubernetes.io/name", "storefront",
                        "bulkhead.dev/component", "workload", "bulkhead.dev/project", "shop", "bulkhead.dev/trust",
                        "callers"),
                map(template.get("metadata")).get("labels"));
        Map<String, Object> pod = map(template.get("spec"));
        assertEquals("storefront", pod.get("serviceAccountName"));
        assertEquals(false, pod.get("automountServiceAccountToken"));
        assertEquals(asEngineSees(Map.of("runAsNonRoot", true, "runAsUser", 65532, "runAsGroup", 65532,
                "fsGroup", 65532, "seccompProfile", Map.of("type", "RuntimeDefault"))), pod.get("securityContext"));
        assertEquals(List.of(Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "256Mi"))), pod.get("volumes"));
        List<Object> spread = list(pod.get("topologySpreadConstraints"));
        assertEquals(List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"),
                spread.stream().map(c -> map(c).get("topologyKey")).toList());

        Map<String, Object> container = map(list(pod.get("containers")).get(0));
        assertEquals(Apps.image("storefront"), container.get("image"));
        assertEquals(asEngineSees(Map.of("runAsNonRoot", true, "allowPrivilegeEscalation", false,
                "privileged", false, "readOnlyRootFilesystem", true,
                "capabilities", Map.of("drop", List.of("ALL")),
                "seccompProfile", Map.of("type", "RuntimeDefault"))), container.get("securityContext"));
        assertEquals(Map.of("requests", Map.of("cpu", "250m", "memory", "256Mi"),
                "limits", Map.of("cpu", "500m", "memory", "256Mi")), container.get("resources"));
        assertEquals(asEngineSees(List.of(
                Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"),
                Map.of("name", "metrics", "containerPort", 9090, "protocol", "TCP"))), container.get("ports"));
        assertEquals(asEngineSees(Map.of("httpGet", Map.of("path", "/healthz", "port", 8080),
                "periodSeconds", 10, "failureThreshold", 3, "timeoutSeconds", 2)), container.get("readinessProbe"));
        for (String probe : List.of("startupProbe", "livenessProbe")) {
            assertEquals("/healthz", map(map(container.get(probe)).get("httpGet")).get("path"), probe);
        }
        assertEquals(List.of(Map.of("name", "tmp", "mountPath", "/tmp")), container.get("volumeMounts"));
    }

    @Test
    void withoutProbesTheAppIsProbedByTcpOnItsPort() {
        Map<String, Object> spec = map(shopApps().find(DEPLOYMENT, "apps-shop-catalog-deployment").inputs()
                .get("spec"));
        assertEquals(2.0, spec.get("replicas"), "no autoscaler: the Deployment holds the count");
        Map<String, Object> container = map(list(map(map(spec.get("template")).get("spec")).get("containers")).get(0));
        assertEquals(Map.of("port", 8081.0), map(container.get("livenessProbe")).get("tcpSocket"));
    }

    @Test
    void theServiceListensOnTheContainerPortAndL7AppsUseTheWaypoint() {
        MockRun run = shopApps();
        Map<String, Object> storefront = run.find(SERVICE, "apps-shop-storefront-service").inputs();
        assertEquals(asEngineSees(Map.of("type", "ClusterIP",
                "selector", Map.of("app.kubernetes.io/name", "storefront"),
                "ports", List.of(Map.of("name", "http", "protocol", "TCP", "appProtocol", "http",
                        "port", 8080, "targetPort", 8080)))), storefront.get("spec"));
        assertFalse(map(map(storefront.get("metadata")).get("labels")).containsKey("istio.io/use-waypoint"));
        Map<String, Object> orders = map(map(run.find(SERVICE, "apps-shop-orders-service").inputs().get("metadata"))
                .get("labels"));
        assertEquals("waypoint", orders.get("istio.io/use-waypoint"));
        assertEquals("true", orders.get("istio.io/ingress-use-waypoint"));
    }

    @Test
    void aReplicatedAppHasABudgetThatLetsDrainsProceedAndARangedOneAnAutoscaler() {
        MockRun run = shopApps();
        assertEquals(asEngineSees(Map.of("maxUnavailable", 1,
                        "selector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "storefront")))),
                run.find(PDB, "apps-shop-storefront-pdb").inputs().get("spec"));
        assertEquals(asEngineSees(Map.of(
                "scaleTargetRef", Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "storefront"),
                "minReplicas", 2, "maxReplicas", 6,
                "metrics", List.of(Map.of("type", "Resource", "resource", Map.of("name", "cpu",
                        "target", Map.of("type", "Utilization", "averageUtilization", 75)))))),
                run.find(HPA, "apps-shop-storefront-hpa").inputs().get("spec"));
        assertTrue(run.mocks().find(PDB, "apps-shop-reports-pdb").isEmpty(), "one replica: no budget");
        assertTrue(run.mocks().find(HPA, "apps-shop-catalog-hpa").isEmpty(), "min = max: no autoscaler");
    }

    @Test
    void theWaypointExistsOnlyWhereAnAppHasL7Rules() {
        MockRun run = shopApps();
        List<String> gateways = run.ofType("kubernetes:gateway.networking.k8s.io/v1:Gateway").stream()
                .map(g -> map(g.inputs().get("metadata")).get("namespace") + "/" + map(g.inputs().get("metadata"))
                        .get("name")).toList();
        assertEquals(List.of("shop-api/waypoint"), gateways);
        assertEquals(List.of("shop-api"), ProjectApps.waypointNamespaces(Apps.shop()));
        ProjectSpec noL7 = Apps.shop(List.of(Apps.storefront(), Apps.reports()));
        assertEquals(List.of(), ProjectApps.waypointNamespaces(noL7));
    }

    @Test
    void policiesAndTheWaypointExistBeforeThePodsAndEverythingAfterTheGuards() {
        var guard = new AtomicReference<String>();
        MockRun run = MockRun.of(provider -> {
            var namespace = new com.pulumi.kubernetes.core.v1.Namespace("guard", null, null);
            guard.set(namespace.pulumiResourceName());
            new ProjectApps("apps-shop", ProjectAppsArgs.builder()
                    .project(Apps.shop()).platform(Apps.PLATFORM).provider(provider)
                    .guards(Map.of("shop-api", List.of(namespace))).build(), null);
        });
        var deployment = run.registration(DEPLOYMENT, "apps-shop-orders-deployment");
        assertEquals("apps-shop-orders", deployment.parent().orElseThrow());
        assertEquals("k8s", deployment.provider().orElseThrow());
        assertTrue(deployment.dependsOn().containsAll(List.of("guard", "apps-shop-orders-serviceaccount",
                "apps-shop-orders-networkpolicy-app-orders", "apps-shop-orders-authorizationpolicy-app-orders-callers",
                "apps-shop-waypoint-shop-api-gateway")), deployment.dependsOn().toString());
        assertTrue(run.registration("kubernetes:gateway.networking.k8s.io/v1:Gateway",
                "apps-shop-waypoint-shop-api-gateway").dependsOn().contains("guard"));
        assertEquals(List.of(), run.registration(DEPLOYMENT, "apps-shop-storefront-deployment").dependsOn().stream()
                .filter("guard"::equals).toList(), "shop-web's apps wait for shop-web's guards only");
    }

    @Test
    void argsRefuseWhatConfigWouldHaveRefused() {
        ProjectSpec shop = Apps.shop();
        var noProvider = assertThrows(NullPointerException.class, () -> AppArgs.builder()
                .app("orders").project(shop).platform(Apps.PLATFORM).build());
        assertEquals("AppArgs: provider is required", noProvider.getMessage());
        MockRun.of(provider -> {
            var e = assertThrows(IllegalArgumentException.class, () -> AppArgs.builder()
                    .app("orders").project(shop).platform(Apps.PLATFORM).provider(provider).build());
            assertEquals("AppArgs: app orders has L7 rules (authorization or jwt) and needs the Waypoint of namespace "
                    + "shop-api; create one and pass it", e.getMessage());
            AppSpec tagged = AppSpec.builder("tagged", "shop-web", Apps.REGISTRY + "/shop/tagged:1.4.2", 8080).build();
            e = assertThrows(IllegalArgumentException.class, () -> AppArgs.builder().app("tagged")
                    .project(Apps.shop(List.of(tagged))).platform(Apps.PLATFORM).provider(provider).build());
            assertEquals("AppArgs: app tagged names its image by tag (" + Apps.REGISTRY + "/shop/tagged:1.4.2); "
                    + "the platform admits images by digest only", e.getMessage());
            var onlyGhcr = new PlatformSpec("cluster.local", "monitoring", List.of("ghcr.io/acme"));
            e = assertThrows(IllegalArgumentException.class, () -> AppArgs.builder().app("reports")
                    .project(shop).platform(onlyGhcr).provider(provider).build());
            assertEquals("AppArgs: app reports pulls from " + Apps.REGISTRY + ", which is not one of the allowed "
                    + "registries [ghcr.io/acme]", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> AppArgs.builder().app("nobody")
                    .project(shop).platform(Apps.PLATFORM).provider(provider).build());
            assertEquals("AppArgs: nobody is not an app of project shop; its apps are [storefront, catalog, orders, "
                    + "reports]", e.getMessage());
        });
    }
}
