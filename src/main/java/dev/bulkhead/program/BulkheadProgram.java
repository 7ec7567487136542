package dev.bulkhead.program;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import dev.bulkhead.access.Access;
import dev.bulkhead.access.AccessArgs;
import dev.bulkhead.access.ClusterAccess;
import dev.bulkhead.access.ClusterAccessArgs;
import dev.bulkhead.cluster.Cluster;
import dev.bulkhead.cluster.ClusterArgs;
import dev.bulkhead.config.StackSettings;
import dev.bulkhead.kubernetes.InClusterKubeconfig;
import dev.bulkhead.model.Layer;
import dev.bulkhead.model.LayerSelection;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.naming.Names;
import dev.bulkhead.network.Network;
import dev.bulkhead.network.NetworkArgs;
import dev.bulkhead.operator.ApiServerAddresses;
import dev.bulkhead.operator.PulumiOperator;
import dev.bulkhead.operator.PulumiOperatorArgs;
import dev.bulkhead.platform.PlatformServices;
import dev.bulkhead.platform.PlatformServicesArgs;
import dev.bulkhead.project.Project;
import dev.bulkhead.project.ProjectArgs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform as one dependency graph: access roles, network, cluster, the cluster's access entries,
 * platform services, then one project compartment per configured project. Stack config selects the layer: all
 * of it, the platform with the operator reconciling each project's stack, or one project's layer. The same function runs under the
 * Pulumi engine ({@code pulumi up}) and under the mock engine ({@code render}, tests).
 */
public final class BulkheadProgram {

    private BulkheadProgram() {
    }

    /**
     * Registers every resource of the layer {@code settings} select: everything ({@code all}), the platform with
     * the operator running one Stack per project ({@code platform}), or one project ({@code project}).
     */
    public static void define(Context ctx, StackSettings settings) {
        LayerSelection layer = settings.layer();
        if (layer.layer() == Layer.PROJECT) {
            defineProject(ctx, settings, settings.project(layer.project().orElseThrow()).orElseThrow());
        } else {
            definePlatform(ctx, settings, layer.layer() == Layer.ALL);
        }
    }

    private static void definePlatform(Context ctx, StackSettings settings, boolean withProjects) {
        var access = new Access("access", AccessArgs.builder()
                .stack(settings.stack())
                .spec(settings.access())
                .projects(settings.projects())
                .build(), null);

        var network = new Network("network", NetworkArgs.builder()
                .stack(settings.stack())
                .clusterName(Names.cluster(settings.stack()))
                .spec(settings.network())
                .build(), null);

        var cluster = new Cluster("cluster", ClusterArgs.builder()
                .stack(settings.stack())
                .region(settings.region())
                .spec(settings.cluster())
                .vpcId(network.vpcId())
                .vpcCidr(network.vpcCidr())
                .privateSubnetIds(network.privateSubnetIds())
                .adminRoleArn(access.adminRoleArn())
                .apiClientCidrs(settings.cluster().apiClientCidrs())
                .build(), null);

        var clusterAccess = new ClusterAccess("cluster-access", ClusterAccessArgs.builder()
                .clusterName(cluster.clusterName())
                .adminRoleArn(access.adminRoleArn())
                .auditorRoleArn(access.auditorRoleArn())
                .developerRoleArns(access.developerRoleArns())
                .projects(settings.projects())
                .build(), null);

        var platform = new PlatformServices("platform", PlatformServicesArgs.builder()
                .stack(settings.stack())
                .region(settings.region())
                .spec(settings.platform())
                .provider(cluster.kubernetesProvider())
                .build(), ComponentResourceOptions.builder()
                // the provider authenticates as the admin role, which needs its access entry first
                .dependsOn(List.of(clusterAccess))
                .build());

        if (!withProjects) {
            var operator = new PulumiOperator("operator", PulumiOperatorArgs.builder()
                    .stack(settings.stack())
                    .spec(settings.operator())
                    .projects(settings.projects())
                    .platform(settings.platform())
                    .apiServerCidrs(ApiServerAddresses.of(settings.network().cidr(),
                            settings.network().availabilityZones(), settings.cluster().serviceCidr()))
                    .provider(cluster.kubernetesProvider())
                    .build(), ComponentResourceOptions.builder().dependsOn(List.of(platform)).build());
            ctx.export("projectStacks", Output.of(List.copyOf(operator.stacks().keySet())));
        }
        Map<String, Project> projects = new LinkedHashMap<>();
        for (ProjectSpec spec : withProjects ? settings.projects() : List.<ProjectSpec>of()) {
            projects.put(spec.name(), new Project("project-" + spec.name(), ProjectArgs.builder()
                    .stack(settings.stack())
                    .spec(spec)
                    .platform(settings.platform())
                    .allProjects(settings.projects())
                    .provider(cluster.kubernetesProvider())
                    .build(), ComponentResourceOptions.builder().dependsOn(List.of(platform)).build()));
        }

        ctx.export("clusterName", cluster.clusterName());
        ctx.export("clusterEndpoint", cluster.endpoint());
        ctx.export("vpcId", network.vpcId());
        cluster.bastionInstanceId().ifPresent(id -> ctx.export("bastionInstanceId", id));
        ctx.export("adminRoleArn", access.adminRoleArn());
        ctx.export("auditorRoleArn", access.auditorRoleArn());
        ctx.export("projects", Output.of(List.copyOf(projects.keySet())));
    }

    /**
     * One project's layer, as its Stack runs it inside the cluster: the project's compartments in the namespaces
     * the platform stack created, through the workspace's own ServiceAccount. Everything it needs from the
     * platform (trust domain, monitoring namespace, the other projects, subnet ranges) is in the config the
     * platform stack passed to its Stack, so it needs no StackReference and no AWS access.
     */
    private static void defineProject(Context ctx, StackSettings settings, ProjectSpec spec) {
        var inCluster = new Provider("in-cluster", ProviderArgs.builder()
                .kubeconfig(InClusterKubeconfig.yaml())
                .build());
        var project = new Project("project-" + spec.name(), ProjectArgs.builder()
                .stack(settings.stack())
                .spec(spec)
                .platform(settings.platform())
                .allProjects(settings.projects())
                .provider(inCluster)
                .namespacesExist(true)
                .build(), null);
        ctx.export("project", Output.of(spec.name()));
        ctx.export("namespaces", Output.of(project.namespaces()));
    }
}
