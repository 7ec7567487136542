package dev.bulkhead.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

/**
 * Installs a pinned {@link Chart} as a Helm release through the cluster's provider. Releases are atomic (a failed
 * upgrade rolls back) and wait for their workloads, so anything that depends on a release finds it running.
 */
final class HelmReleases {

    private HelmReleases() {
    }

    static Release install(Resource parent, String logicalName, Chart chart, Output<Map<String, Object>> values,
                           Provider provider, List<? extends Resource> dependsOn) {
        return new Release(logicalName, ReleaseArgs.builder()
                .name(chart.release())
                .chart(chart.chart())
                .version(chart.version())
                .repositoryOpts(RepositoryOptsArgs.builder().repo(chart.repository()).build())
                .namespace(chart.namespace())
                .createNamespace(true)
                .atomic(true)
                .cleanupOnFail(true)
                .values(values)
                .build(), CustomResourceOptions.builder()
                .parent(parent)
                .provider(provider)
                .dependsOn(List.copyOf(dependsOn))
                .build());
    }
}
