package dev.bulkhead.program;

import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import dev.bulkhead.access.Access;
import dev.bulkhead.access.AccessArgs;
import dev.bulkhead.access.ClusterAccess;
import dev.bulkhead.access.ClusterAccessArgs;
import dev.bulkhead.cluster.Cluster;
import dev.bulkhead.cluster.ClusterArgs;
import dev.bulkhead.config.StackSettings;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.naming.Names;
import dev.bulkhead.network.Network;
import dev.bulkhead.network.NetworkArgs;
import dev.bulkhead.platform.PlatformServices;
import dev.bulkhead.platform.PlatformServicesArgs;
import dev.bulkhead.project.Project;
import dev.bulkhead.project.ProjectArgs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform as one dependency graph: access roles, network, cluster, the cluster's access entries,
 * platform services, then one project compartment per configured project. The same function runs under the
 * Pulumi engine ({@code pulumi up}) and under the mock engine ({@code render}, tests).
 */
public final class BulkheadProgram {

    private BulkheadProgram() {
    }

    /** Registers every resource of the stack described by {@code settings}. */
    public static void define(Context ctx, StackSettings settings) {
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
                .clusterName(cluster.clusterName())
                .vpcId(network.vpcId())
                .build(), ComponentResourceOptions.builder()
                // the provider authenticates as the admin role, which needs its access entry first
                .dependsOn(List.of(clusterAccess))
                .build());

        Map<String, Project> projects = new LinkedHashMap<>();
        for (ProjectSpec spec : settings.projects()) {
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
        ctx.export("projects", com.pulumi.core.Output.of(List.copyOf(projects.keySet())));
    }
}
