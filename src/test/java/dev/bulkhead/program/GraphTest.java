package dev.bulkhead.program;

import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wiring of the whole program, on the render of the dev stack. */
class GraphTest {

    private final List<RenderedResource> resources = Stacks.rendered("dev");
    private final Map<String, RenderedResource> byUrn = resources.stream()
            .collect(Collectors.toMap(RenderedResource::urn, Function.identity()));

    @Test
    void everyLayerIsAComponentUnderTheStack() {
        for (String type : List.of("bulkhead:network:Network", "bulkhead:cluster:Cluster", "bulkhead:access:Access",
                "bulkhead:access:ClusterAccess", "bulkhead:platform:PlatformServices")) {
            var components = ofType(type);
            assertEquals(1, components.size(), type);
            assertEquals("pulumi:pulumi:Stack", byUrn.get(components.get(0).parent().orElseThrow()).type());
        }
    }

    @Test
    void oneProjectComponentPerConfiguredProjectOwningItsNamespaces() {
        var settings = Stacks.settings("dev");
        var projects = ofType("bulkhead:project:Project");
        assertEquals(settings.projects().stream().map(p -> "project-" + p.name()).toList(),
                projects.stream().map(RenderedResource::name).toList());
        for (var spec : settings.projects()) {
            for (String ns : spec.namespaces()) {
                var namespace = ofType("kubernetes:core/v1:Namespace").stream()
                        .filter(r -> ns.equals(metadataName(r))).findFirst()
                        .orElseThrow(() -> new AssertionError("no Namespace " + ns));
                assertEquals("project-" + spec.name(), ancestorOfType(namespace, "bulkhead:project:Project").name());
            }
        }
    }

    @Test
    void everyResourceButTheStackHasAParent() {
        for (RenderedResource r : resources) {
            if (!r.type().equals("pulumi:pulumi:Stack")) {
                assertTrue(r.parent().isPresent(), r.urn() + " has no parent");
            }
        }
    }

    @Test
    void everyInClusterObjectGoesThroughTheClustersProvider() {
        var providers = ofType("pulumi:providers:kubernetes");
        assertEquals(1, providers.size(), "exactly one Kubernetes provider");
        String provider = providers.get(0).urn();
        assertEquals("bulkhead:cluster:Cluster", byUrn.get(providers.get(0).parent().orElseThrow()).type());
        for (RenderedResource r : resources) {
            // the mock engine records no provider for a remote component (the SDK sends it in the providers
            // map); PlatformServicesTest checks the option the gateway API manifest is registered with
            if (r.type().startsWith("kubernetes:") && !r.isRemoteManifest()) {
                assertEquals(provider, r.provider().orElse(null), r.urn() + " must use the cluster's provider");
            }
            if (r.type().startsWith("aws:")) {
                assertTrue(r.provider().isEmpty() || !r.provider().get().contains("providers:kubernetes"), r.urn());
            }
        }
    }

    @Test
    void theProvidersKubeconfigAssumesTheAdminRoleOfThisStack() {
        String kubeconfig = (String) ofType("pulumi:providers:kubernetes").get(0).inputs().get("kubeconfig");
        assertTrue(kubeconfig.contains("\"get-token\""), kubeconfig);
        assertTrue(kubeconfig.contains("arn:aws:iam::111122223333:role/bulkhead-dev-admin"), kubeconfig);
    }

    private List<RenderedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    private RenderedResource ancestorOfType(RenderedResource r, String type) {
        RenderedResource current = r;
        while (current.parent().isPresent()) {
            current = byUrn.get(current.parent().get());
            if (current.type().equals(type)) {
                return current;
            }
        }
        throw new AssertionError(r.urn() + " has no ancestor of type " + type);
    }

    private static String metadataName(RenderedResource r) {
        return r.inputs().get("metadata") instanceof Map<?, ?> m ? (String) m.get("name") : null;
    }
}
