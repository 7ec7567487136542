package dev.bulkhead.workload;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.manifest.ManifestResources;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.naming.Labels;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One application of a project, in its namespace: its own ServiceAccount (no token, no RBAC: it exists to be the
 * app's mesh identity), the policies of its trust ({@link AppPolicies}), a hardened Deployment ({@link PodTemplate}),
 * a ClusterIP Service named after the app whose port is the container port (so routes, exports and policies that
 * name the port mean the same number on both sides), a PodDisruptionBudget when it can run more than one pod and a
 * HorizontalPodAutoscaler when its replicas range. The policies exist before the pods do.
 */
public final class App extends ComponentResource {

    public static final String TYPE = "bulkhead:workload:App";
    /** The CPU utilization the autoscaler keeps the pods at. */
    public static final int TARGET_CPU_UTILIZATION = 75;

    private final ServiceAccount serviceAccount;
    private final List<CustomResource> policies;
    private final Deployment deployment;
    private final Service service;
    private final Optional<PodDisruptionBudget> disruptionBudget;
    private final Optional<HorizontalPodAutoscaler> autoscaler;
    private final Output<String> identity;

    public App(String name, AppArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        AppSpec app = args.app();
        List<Resource> before = new ArrayList<>(args.dependsOn());
        this.serviceAccount = new ServiceAccount(name + "-serviceaccount", ServiceAccountArgs.builder()
                .metadata(metadata(args))
                .automountServiceAccountToken(false)
                .build(), child(args, before));
        this.policies = createPolicies(name, args, before);
        List<Resource> podsAfter = new ArrayList<>(before);
        podsAfter.add(serviceAccount);
        podsAfter.addAll(policies);
        args.waypoint().ifPresent(w -> podsAfter.add(w.resource()));
        this.deployment = new Deployment(name + "-deployment", DeploymentArgs.builder()
                .metadata(metadata(args))
                .spec(deploymentSpec(args))
                .build(), child(args, podsAfter));
        this.service = new Service(name + "-service", ServiceArgs.builder()
                .metadata(serviceMetadata(args))
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(AppLabels.selector(app))
                        .ports(ServicePortArgs.builder()
                                .name(PodTemplate.HTTP_PORT_NAME)
                                .protocol("TCP")
                                .appProtocol("http")
                                .port(app.port())
                                .targetPort(app.port())
                                .build())
                        .build())
                .build(), child(args, podsAfter));
        this.disruptionBudget = app.replicas().replicated()
                ? Optional.of(new PodDisruptionBudget(name + "-pdb", PodDisruptionBudgetArgs.builder()
                        .metadata(metadata(args))
                        .spec(PodDisruptionBudgetSpecArgs.builder()
                                // one pod at a time may go, so a drain always makes progress
                                .maxUnavailable(1)
                                .selector(LabelSelectorArgs.builder().matchLabels(AppLabels.selector(app)).build())
                                .build())
                        .build(), child(args, before)))
                : Optional.empty();
        this.autoscaler = app.replicas().autoscaled()
                ? Optional.of(new HorizontalPodAutoscaler(name + "-hpa", HorizontalPodAutoscalerArgs.builder()
                        .metadata(metadata(args))
                        .spec(HorizontalPodAutoscalerSpecArgs.builder()
                                .scaleTargetRef(CrossVersionObjectReferenceArgs.builder()
                                        .apiVersion("apps/v1").kind("Deployment").name(app.name()).build())
                                .minReplicas(app.replicas().min())
                                .maxReplicas(app.replicas().max())
                                .metrics(MetricSpecArgs.builder()
                                        .type("Resource")
                                        .resource(ResourceMetricSourceArgs.builder()
                                                .name("cpu")
                                                .target(MetricTargetArgs.builder()
                                                        .type("Utilization")
                                                        .averageUtilization(TARGET_CPU_UTILIZATION)
                                                        .build())
                                                .build())
                                        .build())
                                .build())
                        .build(), child(args, List.of(deployment))))
                : Optional.empty();
        this.identity = Output.of(args.trust().identity().principal());
        registerOutputs(Map.of(
                "namespace", Output.of(app.namespace()),
                "service", Output.of(app.namespace() + "/" + app.name()),
                "identity", identity));
    }

    private List<CustomResource> createPolicies(String name, AppArgs args, List<Resource> before) {
        List<CustomResource> created = new ArrayList<>();
        for (Manifest policy : AppPolicies.of(args.trust())) {
            created.add(ManifestResources.create(name + "-" + policy.kind().toLowerCase(Locale.ROOT) + "-"
                    + policy.name(), policy, child(args, before)));
        }
        return List.copyOf(created);
    }

    /**
     * Replicas are left to the autoscaler when there is one: a count in the Deployment would be set back on every
     * update.
     */
    private static DeploymentSpecArgs deploymentSpec(AppArgs args) {
        AppSpec app = args.app();
        var spec = DeploymentSpecArgs.builder()
                .selector(LabelSelectorArgs.builder().matchLabels(AppLabels.selector(app)).build())
                .revisionHistoryLimit(5)
                .strategy(DeploymentStrategyArgs.builder()
                        .type("RollingUpdate")
                        // a new pod is ready before an old one goes
                        .rollingUpdate(RollingUpdateDeploymentArgs.builder().maxUnavailable(0).maxSurge(1).build())
                        .build())
                .template(PodTemplate.of(args.project(), app));
        if (!app.replicas().autoscaled()) {
            spec.replicas(app.replicas().min());
        }
        return spec.build();
    }

    private static ObjectMetaArgs metadata(AppArgs args) {
        return ObjectMetaArgs.builder()
                .name(args.app().name())
                .namespace(args.app().namespace())
                .labels(AppLabels.objects(args.project(), args.app()))
                .build();
    }

    /**
     * With L7 rules, the Service sends its traffic through the namespace's waypoint, the ingress gateway's included.
     */
    private static ObjectMetaArgs serviceMetadata(AppArgs args) {
        Map<String, String> labels = new TreeMap<>(AppLabels.objects(args.project(), args.app()));
        if (args.app().l7()) {
            labels.put(Labels.USE_WAYPOINT, Waypoint.NAME);
            labels.put(Labels.INGRESS_USE_WAYPOINT, "true");
        }
        return ObjectMetaArgs.builder()
                .name(args.app().name())
                .namespace(args.app().namespace())
                .labels(labels)
                .build();
    }

    private CustomResourceOptions child(AppArgs args, List<? extends Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(this).provider(args.provider())
                .dependsOn(List.copyOf(dependsOn)).build();
    }

    /** The app's mesh identity, {@code <trustDomain>/ns/<namespace>/sa/<app>}: what other apps' policies name. */
    public Output<String> identity() {
        return identity;
    }

    public ServiceAccount serviceAccount() {
        return serviceAccount;
    }

    /** The NetworkPolicies, AuthorizationPolicies and RequestAuthentication of the app, in creation order. */
    public List<CustomResource> policies() {
        return policies;
    }

    public Deployment deployment() {
        return deployment;
    }

    public Service service() {
        return service;
    }

    public Optional<PodDisruptionBudget> disruptionBudget() {
        return disruptionBudget;
    }

    public Optional<HorizontalPodAutoscaler> autoscaler() {
        return autoscaler;
    }
}
