package dev.bulkhead.program;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
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
import dev.bulkhead.kubernetes.InClusterKubeconfig;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.kubernetes.KubernetesPlugin;
import dev.bulkhead.model.Layer;
import dev.bulkhead.model.LayerSelection;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.ProtectionSpec;
import dev.bulkhead.naming.Names;
import dev.bulkhead.network.Network;
import dev.bulkhead.network.NetworkArgs;
import dev.bulkhead.network.SubnetPlan;
import dev.bulkhead.operator.ApiServerAddresses;
import dev.bulkhead.operator.OperatorChart;
import dev.bulkhead.operator.PulumiOperator;
import dev.bulkhead.operator.PulumiOperatorArgs;
import dev.bulkhead.operator.WorkspaceRbac;
import dev.bulkhead.platform.Charts;
import dev.bulkhead.platform.PlatformServices;
import dev.bulkhead.platform.PlatformServicesArgs;
import dev.bulkhead.platform.guards.GuardContext;
import dev.bulkhead.platform.guards.PlatformIdentities;
import dev.bulkhead.project.Project;
import dev.bulkhead.protection.Protection;
import dev.bulkhead.project.ProjectArgs;
import dev.bulkhead.workload.AppIdentity;
import dev.bulkhead.workload.AppIdentityArgs;
import dev.bulkhead.workload.ProjectApps;
import dev.bulkhead.workload.ProjectAppsArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole platform as one dependency graph: access roles, network, cluster, the cluster's access entries,
 * platform services, the egress waypoint, then per configured project its compartments, its apps (with their
 * IAM roles) and its ALB. Stack config selects the layer: all of it; the platform with the operator, where each
 * project's perimeter (its apps' policies included) is the platform's and its own stack (this program's project
 * layer, or the team's own program) runs its apps; or one project's layer. The same function runs under the Pulumi
 * engine ({@code pulumi up}) and under the mock engine ({@code render}, tests). With {@code bulkhead:protect}, the
 * stateful resources of the network, the cluster and each project's ingress, and every project namespace, are
 * protected ({@link Protection}); with the operator, project namespaces and Stacks always are. A retired project's are
 * not.
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
        ProtectionSpec protection = settings.protection();
        var access = new Access("access", AccessArgs.builder()
                .stack(settings.stack())
                .spec(settings.access())
                .projects(settings.projects())
                .build(), null);

        var network = new Network("network", NetworkArgs.builder()
                .stack(settings.stack())
                .clusterName(Names.cluster(settings.stack()))
                .spec(settings.network())
                .build(), ComponentResourceOptions.builder()
                .resourceTransformations(Protection.statefulResources(protection.enabled())).build());

        var cluster = new Cluster("cluster", ClusterArgs.builder()
                .stack(settings.stack())
                .region(settings.region())
                .spec(settings.cluster())
                .vpcId(network.vpcId())
                .vpcCidr(network.vpcCidr())
                .privateSubnetIds(network.privateSubnetIds())
                .adminRoleArn(access.adminRoleArn())
                .apiClientCidrs(settings.cluster().apiClientCidrs())
                .build(), ComponentResourceOptions.builder()
                .resourceTransformations(Protection.statefulResources(protection.enabled())).build());

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
                .vpcCidr(settings.network().cidr())
                .serviceCidr(settings.cluster().serviceCidr())
                .guards(guardContext(settings, withProjects))
                .build(), ComponentResourceOptions.builder()
                // the provider authenticates as the admin role, which needs its access entry first; pods need DNS
                .dependsOn(List.of(clusterAccess, cluster.dnsReady()))
                .build());

        List<ExternalHost> externalHosts = EgressDestinations.hosts(settings.projects(), settings.sharedEgress(),
                settings.region());
        if (!externalHosts.isEmpty()) {
            new EgressWaypoint("egress", new EgressWaypointPlan.Inputs(settings.platform().trustDomain(),
                    externalHosts, settings.projects(), settings.network().cidr(), settings.cluster().serviceCidr(),
                    !settings.sharedEgress().awsServices().isEmpty()),
                    cluster.kubernetesProvider(), ComponentResourceOptions.builder().dependsOn(List.of(platform)).build());
        }
        // Every project's namespaces, sealed: the whole project in one stack, or (with the operator) the namespaces
        // with their guards, perimeter and developer access, the project stacks adding only their own objects.
        Map<String, Project> projects = new LinkedHashMap<>();
        for (ProjectSpec spec : settings.projects()) {
            projects.put(spec.name(), new Project(Names.projectComponent(spec.name()), ProjectArgs.builder()
                    .stack(settings.stack())
                    .spec(spec)
                    .platform(settings.platform())
                    .allProjects(settings.projects())
                    .egress(egressContext(settings))
                    .publicSubnetCidrs(network.publicSubnetCidrs())
                    .provider(cluster.kubernetesProvider())
                    .layer(withProjects ? Layer.ALL : Layer.PLATFORM)
                    .build(), ComponentResourceOptions.builder().dependsOn(List.of(platform))
                    .resourceTransformations(Protection.namespaces(protection.protectsNamespaces(spec.name())))
                    .build()));
        }
        if (!withProjects) {
            // each project's apps' perimeter (policies, waypoints) is the platform's, made with the guards; the
            // project's own stack runs the apps, once all of it exists
            Map<String, List<Resource>> sealed = new LinkedHashMap<>();
            projects.forEach((name, project) -> {
                List<Resource> ready = new ArrayList<>(project.resources());
                apps(settings, settings.project(name).orElseThrow(), project, cluster.kubernetesProvider(),
                        Layer.PLATFORM).ifPresent(apps -> ready.addAll(apps.resources()));
                sealed.put(name, ready);
            });
            var operator = new PulumiOperator("operator", PulumiOperatorArgs.builder()
                    .stack(settings.stack())
                    .spec(settings.operator())
                    .projects(settings.projects())
                    .platform(settings.platform())
                    .apiServerCidrs(ApiServerAddresses.of(settings.network().cidr(),
                            settings.network().availabilityZones(), settings.cluster().serviceCidr()))
                    .publicSubnetCidrs(network.publicSubnetCidrs())
                    .egress(egressContext(settings))
                    .projectsSealed(sealed)
                    .protectedStacks(settings.projects().stream().map(ProjectSpec::name)
                            .filter(protection::protectsNamespaces).toList())
                    .provider(cluster.kubernetesProvider())
                    .build(), ComponentResourceOptions.builder().dependsOn(List.of(platform)).build());
            ctx.export("projectStacks", Output.of(List.copyOf(operator.stacks().keySet())));
        }

        // per project with ingress: its ALB, bound once its gateway namespace is sealed. The ALBs are AWS resources,
        // which project stacks (inside the cluster, without AWS access) cannot create, so they are always here.
        Map<String, List<? extends Resource>> gatewayReady = new LinkedHashMap<>();
        // With layer all the apps run here; with the operator their workloads are the project stacks'. Their AWS
        // roles are the platform's in either layer.
        if (withProjects) {
            projects.forEach((name, project) -> apps(settings, settings.project(name).orElseThrow(), project,
                    cluster.kubernetesProvider(), Layer.ALL));
        }
        appIdentities(settings, cluster.clusterName());

        projects.forEach((name, project) -> {
            if (settings.project(name).orElseThrow().ingress().isPresent()) {
                gatewayReady.put(name, project.gatewayCompartment().orElseThrow().guards());
            }
        });
        Map<String, Ingress> ingresses = new LinkedHashMap<>();
        gatewayReady.forEach((name, ready) -> ingresses.put(name,
                ingress(settings, settings.project(name).orElseThrow(), network, cluster, ready)));

        ctx.export("clusterName", cluster.clusterName());
        ctx.export("clusterEndpoint", cluster.endpoint());
        ctx.export("vpcId", network.vpcId());
        cluster.bastionInstanceId().ifPresent(id -> ctx.export("bastionInstanceId", id));
        ctx.export("adminRoleArn", access.adminRoleArn());
        ctx.export("auditorRoleArn", access.auditorRoleArn());
        ctx.export("projects", Output.of(List.copyOf(projects.keySet())));
        ctx.export("loadBalancers", loadBalancers(ingresses));
    }

    /**
     * One project's layer, as its Stack runs it inside the cluster: the project's own objects in the namespaces the
     * platform stack created (the patch of their default ServiceAccounts) and its apps' workloads, whose policies the
     * platform stack made, through the workspace's own ServiceAccount. Everything it needs from the
     * platform (trust domain, monitoring namespace, the other projects, subnet ranges, shared egress) is in the
     * config the platform stack passed to its Stack, so it needs no StackReference and no AWS access.
     */
    private static void defineProject(Context ctx, StackSettings settings, ProjectSpec spec) {
        var inCluster = new Provider("in-cluster", ProviderArgs.builder()
                .kubeconfig(InClusterKubeconfig.yaml())
                .build(), CustomResourceOptions.builder().version(KubernetesPlugin.VERSION).build());
        var project = new Project(Names.projectComponent(spec.name()), ProjectArgs.builder()
                .stack(settings.stack())
                .spec(spec)
                .platform(settings.platform())
                .allProjects(settings.projects())
                .egress(egressContext(settings))
                .publicSubnetCidrs(SubnetPlan.of(settings.network().cidr(), settings.network().availabilityZones())
                        .publicCidrs())
                .provider(inCluster)
                .layer(Layer.PROJECT)
                .build(), null);
        apps(settings, spec, project, inCluster, Layer.PROJECT);
        ctx.export("project", Output.of(spec.name()));
        ctx.export("namespaces", Output.of(project.namespaces()));
    }

    /**
     * A project's apps, each namespace's after that namespace's guards: all of them ({@link Layer#ALL}), their
     * perimeter ({@link Layer#PLATFORM}) or their workloads ({@link Layer#PROJECT}); none without apps.
     */
    private static Optional<ProjectApps> apps(StackSettings settings, ProjectSpec spec, Project project,
                                              com.pulumi.kubernetes.Provider provider, Layer layer) {
        if (spec.apps().isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<? extends Resource>> guards = new LinkedHashMap<>();
        project.compartments().forEach(c -> guards.put(c.namespaceName(), c.guards()));
        return Optional.of(new ProjectApps("apps-" + spec.name(), ProjectAppsArgs.builder()
                .project(spec)
                .platform(settings.platform())
                .provider(provider)
                .guards(guards)
                .layer(layer)
                .build(), null));
    }

    /** One IAM role and Pod Identity association per app that asks for AWS access. */
    private static void appIdentities(StackSettings settings, Output<String> clusterName) {
        for (ProjectSpec spec : settings.projects()) {
            for (AppSpec app : spec.apps()) {
                if (app.aws().isPresent()) {
                    new AppIdentity("app-identity-" + spec.name() + "-" + app.name(), AppIdentityArgs.builder()
                            .stack(settings.stack())
                            .project(spec.name())
                            .app(app)
                            .clusterName(clusterName)
                            .build(), null);
                }
            }
        }
    }

    /**
     * Who the admission guards treat as the platform besides constants: with the operator, each project's workspace
     * (which alone may patch its namespaces' default ServiceAccount); and the platform's own namespaces.
     */
    private static GuardContext guardContext(StackSettings settings, boolean withProjects) {
        List<String> workspaces = new ArrayList<>();
        List<String> platformNamespaces = new ArrayList<>(List.of(PlatformIdentities.KUBE_SYSTEM,
                Charts.ISTIO_NAMESPACE, Charts.KYVERNO.namespace()));
        if (!withProjects) {
            platformNamespaces.add(OperatorChart.NAMESPACE);
            for (ProjectSpec spec : settings.projects()) {
                workspaces.add(PlatformIdentities.serviceAccount(OperatorChart.NAMESPACE,
                        WorkspaceRbac.serviceAccountName(spec.name())));
            }
        }
        return new GuardContext(workspaces, platformNamespaces);
    }

    /** What every project's egress policies share: whether the platform shares hosts, and the cluster's ranges. */
    private static EgressContext egressContext(StackSettings settings) {
        return new EgressContext(
                !EgressDestinations.sharedHosts(settings.sharedEgress(), settings.region()).isEmpty(),
                List.of(settings.network().cidr(), settings.cluster().serviceCidr()));
    }

    /** A project's ALB, target group and gateway certificate, once its gateway namespace is sealed. */
    private static Ingress ingress(StackSettings settings, ProjectSpec spec, Network network, Cluster cluster,
                                   List<? extends Resource> gatewayReady) {
        boolean protect = settings.protection().protects(spec.name());
        return new Ingress("ingress-" + spec.name(), IngressArgs.builder()
                .stack(settings.stack())
                .protect(protect)
                .project(spec)
                .vpcId(network.vpcId())
                .publicSubnetIds(network.publicSubnetIds())
                .privateSubnetCidrs(network.privateSubnetCidrs())
                .provider(cluster.kubernetesProvider())
                .gatewayGuards(List.copyOf(gatewayReady))
                .build(), ComponentResourceOptions.builder()
                .resourceTransformations(Protection.statefulResources(protect)).build());
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
