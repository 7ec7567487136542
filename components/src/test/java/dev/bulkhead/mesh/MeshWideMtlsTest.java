package dev.bulkhead.mesh;

import com.pulumi.test.PulumiTest;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.platform.PlatformServices;
import dev.bulkhead.platform.PlatformServicesArgs;
import dev.bulkhead.project.MockRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The platform's share of the mesh: STRICT mTLS as the mesh-wide default, and a scraper with a mesh identity. */
class MeshWideMtlsTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void platformServicesSetStrictMtlsMeshWideAndMeshTheMonitoringNamespace() {
        var run = MockRun.of(provider -> new PlatformServices("platform", PlatformServicesArgs.builder()
                .stack("dev").region("eu-west-1")
                .spec(new PlatformSpec("cluster.local", "monitoring", List.of()))
                .provider(provider)
                .clusterName(com.pulumi.core.Output.of("bulkhead-dev"))
                .vpcId(com.pulumi.core.Output.of("vpc-0123"))
                .vpcCidr("10.40.0.0/16").serviceCidr("172.20.0.0/16")
                .guards(new dev.bulkhead.platform.guards.GuardContext(List.of(), List.of("kube-system")))
                .build(), null));

        var pa = run.find("kubernetes:security.istio.io/v1:PeerAuthentication", "platform-mesh-strict-mtls");
        assertEquals(Map.of("name", "default", "namespace", "istio-system",
                "labels", Map.of("app.kubernetes.io/managed-by", "bulkhead", "bulkhead.dev/component", "platform")),
                pa.inputs().get("metadata"));
        assertEquals(Map.of("mtls", Map.of("mode", "STRICT")), pa.inputs().get("spec"));
        assertEquals("k8s", run.registration(pa.type(), pa.name()).provider().orElseThrow());

        var monitoring = run.find("kubernetes:core/v1:Namespace", "platform-monitoring");
        @SuppressWarnings("unchecked")
        var labels = (Map<String, Object>) ((Map<String, Object>) monitoring.inputs().get("metadata")).get("labels");
        assertEquals("monitoring", labels.get("kubernetes.io/metadata.name"));
        assertEquals("ambient", labels.get("istio.io/dataplane-mode"));
    }
}
