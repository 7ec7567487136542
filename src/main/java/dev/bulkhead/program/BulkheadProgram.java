package dev.bulkhead.program;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.bulkhead.access.Access;
import dev.bulkhead.access.AccessArgs;
import dev.bulkhead.access.ClusterAccess;
import dev.bulkhead.access.ClusterAccessArgs;
import dev.bulkhead.cluster.Cluster;
import dev.bulkhead.cluster.ClusterArgs;
import dev.bulkhead.config.StackSettings;
import dev.bulkhead.egress.EgressContext;
import dev.bulkhead.egress.EgressDestinations;
import dev.bulkhead.egress.EgressWaypoint;
import dev.bulkhead.egress.EgressWaypointPlan;
import dev.bulkhead.egress.ExternalHost;
import dev.bulkhead.ingress.Ingress;
import dev.bulkhead.ingress.IngressArgs;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.naming.Names;
import dev.bulkhead.network.Network;
import dev.bulkhead.network.NetworkArgs;
import dev.bulkhead.platform.PlatformServices;
import dev.bulkhead.platform.PlatformServicesArgs;
import dev.bulkhead.project.Project;
import dev.bulkhead.project.ProjectArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole platform as one dependency graph: access roles, network, cluster, the cluster's access entries,
 * platform services, the egress waypoint, then one project compartment per configured project. The same function runs under the
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

        List<ExternalHost> externalHosts = EgressDestinations.hosts(settings.projects(), settings.sharedEgress(),
                settings.region());
        List<String> internalRanges = List.of(settings.network().cidr(), settings.cluster().serviceCidr());
        if (!externalHosts.isEmpty()) {
            new EgressWaypoint("egress", new EgressWaypointPlan.Inputs(settings.platform().trustDomain(),
                    externalHosts, settings.projects(), settings.network().cidr(), settings.cluster().serviceCidr(),
                    !settings.sharedEgress().awsServices().isEmpty()),
                    cluster.kubernetesProvider(), ComponentResourceOptions.builder().dependsOn(List.of(platform)).build());
        }
        var egress = new EgressContext(!EgressDestinations.sharedHosts(settings.sharedEgress(), settings.region())
                .isEmpty(), internalRanges);

        Map<String, Project> projects = new LinkedHashMap<>();
        for (ProjectSpec spec : settings.projects()) {
            projects.put(spec.name(), new Project("project-" + spec.name(), ProjectArgs.builder()
                    .stack(settings.stack())
                    .spec(spec)
                    .platform(settings.platform())
                    .allProjects(settings.projects())
                    .egress(egress)
                    .publicSubnetCidrs(network.publicSubnetCidrs())
                    .provider(cluster.kubernetesProvider())
                    .build(), ComponentResourceOptions.builder().dependsOn(List.of(platform)).build()));
        }

        Map<String, Ingress> ingresses = new LinkedHashMap<>();
        for (ProjectSpec spec : settings.projects()) {
            if (spec.ingress().isPresent()) {
                ingresses.put(spec.name(), ingress(settings, spec, network, cluster, projects.get(spec.name())));
            }
        }

        ctx.export("clusterName", cluster.clusterName());
        ctx.export("clusterEndpoint", cluster.endpoint());
        ctx.export("vpcId", network.vpcId());
        cluster.bastionInstanceId().ifPresent(id -> ctx.export("bastionInstanceId", id));
        ctx.export("adminRoleArn", access.adminRoleArn());
        ctx.export("auditorRoleArn", access.auditorRoleArn());
        ctx.export("projects", com.pulumi.core.Output.of(List.copyOf(projects.keySet())));
        ctx.export("loadBalancers", loadBalancers(ingresses));
    }

    /** A project's ALB, target group and gateway certificate, once its gateway namespace is sealed. */
    private static Ingress ingress(StackSettings settings, ProjectSpec spec, Network network, Cluster cluster,
                                   Project project) {
        return new Ingress("ingress-" + spec.name(), IngressArgs.builder()
                .stack(settings.stack())
                .production(settings.production())
                .project(spec)
                .vpcId(network.vpcId())
                .publicSubnetIds(network.publicSubnetIds())
                .privateSubnetCidrs(network.privateSubnetCidrs())
                .provider(cluster.kubernetesProvider())
                .gatewayGuards(project.gatewayCompartment().orElseThrow().guards())
                .build(), null);
    }

    /** Per project with ingress: its ALB's ARN and DNS name (where its hosts' DNS records point). */
    private static Output<Map<String, Map<String, String>>> loadBalancers(Map<String, Ingress> ingresses) {
        List<Output<Map.Entry<String, Map<String, String>>>> entries = new ArrayList<>();
        ingresses.forEach((project, ingress) -> entries.add(Output.tuple(ingress.loadBalancerArn(), ingress.dnsName())
                .applyValue(t -> Map.entry(project, Map.of("arn", t.t1, "dnsName", t.t2)))));
        return Output.all(entries).applyValue(list -> {
            Map<String, Map<String, String>> byProject = new TreeMap<>();
            list.forEach(entry -> byProject.put(entry.getKey(), entry.getValue()));
            return byProject;
        });
    }
}
