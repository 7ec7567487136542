package dev.bulkhead.render;

import dev.bulkhead.intent.IntentPlan;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderTest {

    @Test
    void twoRendersOfTheSameInputAreByteIdentical() {
        var settings = Stacks.settings("dev");
        Map<String, String> first = Renderer.files(Renderer.resources(settings), IntentPlan.of(settings));
        Map<String, String> second = Renderer.files(Renderer.resources(settings), IntentPlan.of(settings));
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, text) -> assertEquals(text, second.get(path), path + " differs between two renders"));
    }

    @Test
    void resourcesJsonRoundTripsAndKeepsRegistrationOrder() {
        List<RenderedResource> resources = Stacks.rendered("dev");
        List<RenderedResource> read = ResourcesJson.read(ResourcesJson.write(resources));
        assertEquals(resources.size(), read.size());
        for (int i = 0; i < resources.size(); i++) {
            assertEquals(resources.get(i).urn(), read.get(i).urn());
            assertEquals(resources.get(i).parent(), read.get(i).parent());
            assertEquals(resources.get(i).provider(), read.get(i).provider());
        }
        assertEquals("pulumi:pulumi:Stack", resources.get(0).type(), "the root stack is registered first");
        assertTrue(indexOfType(resources, "aws:eks/cluster:Cluster") < indexOfType(resources, "kubernetes:core/v1:Namespace"),
                "the cluster is constructed before anything inside it");
    }

    @Test
    void everyUrnIsUniqueAndEveryParentExists() {
        List<RenderedResource> resources = Stacks.rendered("dev");
        Set<String> urns = resources.stream().map(RenderedResource::urn).collect(Collectors.toSet());
        assertEquals(resources.size(), urns.size(), "URNs are unique");
        for (RenderedResource r : resources) {
            r.parent().ifPresent(p -> assertTrue(urns.contains(p), r.urn() + " has unknown parent " + p));
            r.provider().ifPresent(p -> assertTrue(urns.contains(p), r.urn() + " has unknown provider " + p));
        }
    }

    @Test
    void kubernetesObjectsAreWrittenPerNamespaceAsCompleteYaml() {
        Map<String, String> files = Renderer.files(Stacks.rendered("dev"), Stacks.intent("dev"));
        String shopWeb = files.get("kubernetes/shop-web.yaml");
        assertTrue(shopWeb != null, "a file for namespace shop-web; files: " + files.keySet());
        assertTrue(shopWeb.contains("kind: NetworkPolicy"));
        assertTrue(shopWeb.contains("namespace: shop-web"));
        assertFalse(shopWeb.contains("namespace: shop-api"), "objects of other namespaces stay in their own file");
        String clusterScoped = files.get("kubernetes/" + KubernetesManifests.CLUSTER_SCOPED);
        assertTrue(clusterScoped.contains("kind: Namespace"));
        for (String doc : shopWeb.split("(?m)^---$")) {
            if (doc.isBlank()) {
                continue;
            }
            String body = doc.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElse("");
            assertTrue(body.startsWith("apiVersion:"), "apiVersion comes first in " + doc);
        }
    }

    @Test
    void everyIamPolicyDocumentIsWrittenUnderAws() {
        List<RenderedResource> resources = Stacks.rendered("dev");
        Map<String, String> files = Renderer.files(resources, Stacks.intent("dev"));
        long roles = resources.stream().filter(r -> r.type().equals("aws:iam/role:Role")).count();
        long trustFiles = files.keySet().stream().filter(p -> p.startsWith("aws/") && p.endsWith(".trust.json")).count();
        assertEquals(roles, trustFiles, "one trust policy file per role");
        assertTrue(files.keySet().stream().filter(p -> p.startsWith("aws/"))
                .allMatch(p -> files.get(p).contains("\"Statement\"")));
    }

    private static int indexOfType(List<RenderedResource> resources, String type) {
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).type().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no resource of type " + type);
    }
}
