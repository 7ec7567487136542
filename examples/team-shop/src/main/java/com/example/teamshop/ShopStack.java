package com.example.teamshop;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import dev.bulkhead.kubernetes.InClusterKubeconfig;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.workload.AppWorkload;
import dev.bulkhead.workload.AppWorkloadArgs;

import java.util.ArrayList;
import java.util.List;

/**
 * What project shop's stack creates: each app's workload (ServiceAccount, Deployment, Service, disruption budget,
 * autoscaler) in the project's namespaces, through the cluster's API as the workspace's own ServiceAccount. The
 * platform's stack has already made the namespaces, their guards and every app's policies; this stack may create
 * nothing else, and admission refuses anything that would open the perimeter.
 */
public final class ShopStack {

    private ShopStack() {
    }

    public static void define(Context ctx, ShopSettings settings) {
        // in the operator's workspace: the API server by its in-cluster name, with the workspace's own token
        var cluster = new Provider("in-cluster", ProviderArgs.builder()
                .kubeconfig(InClusterKubeconfig.yaml())
                .build());
        List<String> services = new ArrayList<>();
        for (AppSpec app : settings.apps()) {
            new AppWorkload(app.name(), AppWorkloadArgs.builder()
                    .project(settings.project())
                    .namespaces(settings.namespaces())
                    .app(app)
                    .provider(cluster)
                    .build(), null);
            services.add(app.namespace() + "/" + app.name());
        }
        ctx.export("project", Output.of(settings.project()));
        ctx.export("services", Output.of(services));
    }
}
