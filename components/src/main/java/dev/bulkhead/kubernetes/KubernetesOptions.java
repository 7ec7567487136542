package dev.bulkhead.kubernetes;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/** Options for an in-cluster child of a component: parented to it and sent through the cluster's provider. */
public final class KubernetesOptions {

    private KubernetesOptions() {
    }

    public static CustomResourceOptions child(Resource parent, Provider provider) {
        return CustomResourceOptions.builder().parent(parent).provider(provider).build();
    }

    /** As {@link #child(Resource, Provider)}, created only after {@code dependsOn} exist. */
    public static CustomResourceOptions child(Resource parent, Provider provider, List<? extends Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(parent).provider(provider)
                .dependsOn(List.copyOf(dependsOn)).build();
    }
}
