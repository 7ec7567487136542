package dev.bulkhead.platform;

import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import dev.bulkhead.kubernetes.KubernetesOptions;
import dev.bulkhead.manifest.ManifestResources;
import dev.bulkhead.mesh.StrictMtls;
import dev.bulkhead.naming.Labels;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * The cluster-wide services every project relies on: the Istio ambient mesh, the load balancer controller,
 * admission policies, the Pulumi Kubernetes Operator and the monitoring namespace.
 */
public final class PlatformServices extends ComponentResource {

    public static final String TYPE = "bulkhead:platform:PlatformServices";

    private final Namespace monitoringNamespace;
    private final CustomResource meshWideMtls;

    public PlatformServices(String name, PlatformServicesArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.monitoringNamespace = new Namespace(name + "-monitoring", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(args.spec().monitoringNamespace())
                        // Project NetworkPolicies select Prometheus by this namespace's name label, and their
                        // AuthorizationPolicies trust its mesh identity, which it has only in the ambient mesh.
                        .labels(Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE,
                                Labels.COMPONENT, "monitoring",
                                Labels.NAMESPACE_NAME, args.spec().monitoringNamespace(),
                                Labels.AMBIENT, Labels.AMBIENT_VALUE))
                        .build())
                .build(), KubernetesOptions.child(this, args.provider()));
        this.meshWideMtls = ManifestResources.create(name + "-mesh-strict-mtls",
                StrictMtls.meshWide(Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE, Labels.COMPONENT, "mesh")),
                KubernetesOptions.child(this, args.provider()));
        registerOutputs(Map.of("monitoringNamespace", monitoringNamespace.metadata().applyValue(m -> m.name().orElse(""))));
    }

    /** The mesh-wide default PeerAuthentication: STRICT mTLS wherever a namespace sets nothing else. */
    public CustomResource meshWideMtls() {
        return meshWideMtls;
    }

    /** The namespace whose Prometheus may scrape project pods. */
    public Namespace monitoringNamespace() {
        return monitoringNamespace;
    }
}
