package dev.bulkhead.program;

import dev.bulkhead.config.StackSettings;
import dev.bulkhead.kubernetes.InClusterKubeconfig;
import dev.bulkhead.model.Layer;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.testing.LayerStacks;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each layer of the program registers: the dev stack split into a platform stack and project stacks. */
class LayerRenderTest {

    private static final String PROJECT_TYPE = "bulkhead:project:Project";
    private static final String STACK_TYPE = "kubernetes:pulumi.com/v1:Stack";

    @Test
    void theDevStackIsStillTheWholeGraphInOneStack() {
        StackSettings dev = Stacks.settings("dev");
        assertEquals(Layer.ALL, dev.layer().layer());
        assertFalse(dev.operator().enabled());
        List<RenderedResource> all = Stacks.rendered("dev");
        assertEquals(3, count(all, PROJECT_TYPE));
        assertEquals(0, count(all, STACK_TYPE));
        assertEquals(0, count(all, "kubernetes:helm.sh/v3:Release", "operator"));
    }

    @Test
    void thePlatformLayerSealsEveryProjectAndRunsOneStackPerProject() {
        List<RenderedResource> platform = LayerStacks.rendered("platform");
        assertEquals(3, count(platform, PROJECT_TYPE));
        assertEquals(1, count(platform, "bulkhead:operator:PulumiOperator"));
        assertEquals(1, count(platform, "kubernetes:helm.sh/v3:Release", "operator"));
        assertTrue(count(platform, "aws:eks/cluster:Cluster") == 1, "the platform layer builds the cluster");
        Set<String> stackNames = platform.stream().filter(r -> r.type().equals(STACK_TYPE))
                .map(r -> metadata(r).get("name").toString()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("shop", "billing", "analytics"), stackNames);
        // the platform creates every project namespace with its guards, perimeter and developer access
        Set<String> namespaces = names(platform, "kubernetes:core/v1:Namespace");
        for (ProjectSpec p : Stacks.settings("dev").projects()) {
            assertTrue(namespaces.containsAll(p.namespaces()), () -> p.name() + " namespaces missing: " + namespaces);
        }
        assertEquals(1, count(platform, "kubernetes:networking.k8s.io/v1:NetworkPolicy",
                "shop-web-networkpolicy-default-deny"));
        assertEquals(1, count(platform, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
                "shop-web-rolebinding-bulkhead-developers"));
        // the default ServiceAccounts are token-less from the first second; the project layers re-apply the patch
        assertEquals(6, count(platform, "kubernetes:core/v1:ServiceAccountPatch"), "five tenant namespaces, a gateway's");
    }

    @Test
    void aProjectLayerHoldsOnlyThatProjectsOwnObjects() {
        List<RenderedResource> shop = LayerStacks.rendered("shop");
        assertFalse(shop.isEmpty());
        List<String> shopNamespaces = List.of("shop-web", "shop-api");
        Set<String> kinds = new TreeSet<>();
        for (RenderedResource r : shop) {
            assertFalse(r.type().startsWith("aws:"), () -> "AWS resource in a project layer: " + r.urn());
            assertFalse(r.type().equals(STACK_TYPE) || r.type().startsWith("bulkhead:operator"), r::urn);
            assertFalse(r.type().startsWith("bulkhead:platform") || r.type().startsWith("bulkhead:cluster"), r::urn);
            if (r.type().startsWith("kubernetes:") && !r.type().equals("kubernetes:core/v1:Namespace")) {
                Object ns = metadata(r).get("namespace");
                assertTrue(shopNamespaces.contains(ns), () -> r.urn() + " is outside the shop project: " + ns);
                kinds.add(r.type());
            }
        }
        assertEquals(1, count(shop, PROJECT_TYPE));
        // its apps' workloads and the patch of default; nothing of the perimeter: the platform stack created it
        assertEquals(Set.of("kubernetes:apps/v1:Deployment", "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
                "kubernetes:core/v1:Service", "kubernetes:core/v1:ServiceAccount",
                "kubernetes:core/v1:ServiceAccountPatch", "kubernetes:policy/v1:PodDisruptionBudget"), kinds);
    }

    @Test
    void aProjectLayerCreatesNoNamespaces() {
        // The namespaces are read (Namespace.get, which the render does not list), never created or relabelled:
        // their labels decide project membership and Pod Security, so the platform stack owns them.
        assertEquals(0, count(LayerStacks.rendered("shop"), "kubernetes:core/v1:Namespace"));
        assertEquals(0, count(LayerStacks.rendered("billing"), "kubernetes:core/v1:Namespace"));
    }

    @Test
    void aProjectLayerTalksToTheClusterThroughItsOwnServiceAccount() {
        List<RenderedResource> shop = LayerStacks.rendered("shop");
        List<RenderedResource> providers = shop.stream()
                .filter(r -> r.type().equals("pulumi:providers:kubernetes")).toList();
        assertEquals(1, providers.size());
        String kubeconfig = (String) providers.get(0).inputs().get("kubeconfig");
        assertTrue(kubeconfig.contains("server: " + InClusterKubeconfig.SERVER), kubeconfig);
        assertTrue(kubeconfig.contains("tokenFile: " + InClusterKubeconfig.SERVICE_ACCOUNT_DIR + "/token"), kubeconfig);
        String providerUrn = providers.get(0).urn();
        for (RenderedResource r : shop) {
            if (r.type().startsWith("kubernetes:")) {
                assertEquals(providerUrn, r.provider().orElse(""), r::urn);
            }
        }
    }

    private static long count(List<RenderedResource> resources, String type) {
        return resources.stream().filter(r -> r.type().equals(type)).count();
    }

    private static long count(List<RenderedResource> resources, String type, String nameFragment) {
        return resources.stream().filter(r -> r.type().equals(type) && r.urn().contains(nameFragment)).count();
    }

    private static Set<String> names(List<RenderedResource> resources, String type) {
        return resources.stream().filter(r -> r.type().equals(type)).map(r -> metadata(r).get("name").toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(RenderedResource r) {
        Object metadata = r.inputs().get("metadata");
        return metadata instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
