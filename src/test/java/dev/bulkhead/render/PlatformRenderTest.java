package dev.bulkhead.render;

import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the dev render shows of the platform services: Helm releases, the remote CRD manifest, the controller's policy. */
class PlatformRenderTest {

    private final Map<String, String> files = Renderer.files(Stacks.rendered("dev"), Stacks.intent("dev"));

    @Test
    void helmReleasesAreDescribedWithTheirPinnedVersionsAndValues() {
        List<Map<String, Object>> releases = documents("kubernetes/" + KubernetesManifests.HELM_RELEASES);
        assertEquals(List.of("istio-base", "istiod", "istio-cni", "ztunnel", "aws-load-balancer-controller",
                "kyverno"), releases.stream().map(r -> r.get("release")).toList());
        var istiod = releases.get(1);
        assertEquals("1.27.2", istiod.get("version"));
        assertEquals("https://istio-release.storage.googleapis.com/charts", istiod.get("repository"));
        var controller = map(releases.get(4).get("values"));
        assertEquals("bulkhead-dev", controller.get("clusterName"));
        assertTrue(((String) controller.get("vpcId")).startsWith("vpc-"), controller.toString());
    }

    @Test
    void theGatewayApiCrdsAreARemoteManifestNotAnObject() {
        List<Map<String, Object>> remote = documents("kubernetes/" + KubernetesManifests.REMOTE_MANIFESTS);
        assertEquals(1, remote.size());
        assertEquals("https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.3.0/standard-install.yaml",
                remote.get(0).get("file"));
        assertFalse(files.get("kubernetes/" + KubernetesManifests.CLUSTER_SCOPED).contains("standard-install.yaml"));
    }

    @Test
    void theControllersPolicyAndTrustAreRenderedUnderAws() {
        String policy = files.get("aws/platform-lb-controller-target-group-binding.policy.json");
        assertTrue(policy != null, files.keySet().toString());
        assertTrue(policy.contains("elasticloadbalancing:RegisterTargets"));
        assertTrue(files.get("aws/platform-lb-controller.trust.json").contains("pods.eks.amazonaws.com"));
    }

    @Test
    void kyvernoPoliciesAreClusterScopedObjects() {
        long policies = documents("kubernetes/" + KubernetesManifests.CLUSTER_SCOPED).stream()
                .filter(d -> "ClusterPolicy".equals(d.get("kind"))).count();
        assertEquals(8, policies);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> documents(String path) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(files.get(path))) {
            if (doc != null) {
                documents.add((Map<String, Object>) doc);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
