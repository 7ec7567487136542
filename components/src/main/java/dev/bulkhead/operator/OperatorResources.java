package dev.bulkhead.operator;

import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.manifest.ManifestResources;

/**
 * Registers the operator's manifests. The workspace identities are ServiceAccounts Bulkhead creates, so they are
 * converted here, with the Kubernetes SDK's typed class, rather than in the generic {@link ManifestResources}
 * (which refuses ServiceAccounts, as project namespaces get none from the platform); everything else, RBAC
 * included, goes through {@link ManifestResources}. An unexpected field fails rather than being dropped.
 */
final class OperatorResources {

    private OperatorResources() {
    }

    static CustomResource create(String logicalName, Manifest m, CustomResourceOptions options) {
        if (!(m.apiVersion() + "/" + m.kind()).equals("v1/ServiceAccount")) {
            return ManifestResources.create(logicalName, m, options);
        }
        for (String key : m.body().keySet()) {
            if (!key.equals("automountServiceAccountToken")) {
                throw new IllegalArgumentException(m.id() + ": unexpected field '" + key + "'");
            }
        }
        return new ServiceAccount(logicalName, ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(m.name()).namespace(m.namespace()).labels(m.labels()).build())
                .automountServiceAccountToken((Boolean) m.body().get("automountServiceAccountToken"))
                .build(), options);
    }
}
