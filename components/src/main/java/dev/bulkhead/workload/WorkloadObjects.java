package dev.bulkhead.workload;

import com.pulumi.kubernetes.Provider;
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
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.naming.Labels;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Creates the workload objects of one app under a parent component: its token-less ServiceAccount, then its
 * Deployment, ClusterIP Service, PodDisruptionBudget and HorizontalPodAutoscaler. Shared by {@link App} (with the
 * app's policies in between) and {@link AppWorkload} (a team's stack, where the platform made the policies), so both
 * create the same objects under the same names.
 */
final class WorkloadObjects {

    /** The CPU utilization the autoscaler keeps the pods at. */
    static final int TARGET_CPU_UTILIZATION = 75;

    /** What {@link #rest} created. */
    record Rest(Deployment deployment, Service service, Optional<PodDisruptionBudget> disruptionBudget,
                Optional<HorizontalPodAutoscaler> autoscaler) {
    }

    private WorkloadObjects() {
    }

    /** The app's ServiceAccount: its mesh identity, without a token and without any binding. */
    static ServiceAccount serviceAccount(Resource parent, String name, String project, AppSpec app, Provider provider,
                                         List<? extends Resource> dependsOn) {
        return new ServiceAccount(name + "-serviceaccount", ServiceAccountArgs.builder()
                .metadata(metadata(project, app))
                .automountServiceAccountToken(false)
                .build(), options(parent, provider, dependsOn));
    }

    /**
     * The Deployment and Service (after {@code podsAfter}: the ServiceAccount, and in {@link App} the policies and
     * the waypoint), the budget (after {@code before}) and the autoscaler (after the Deployment).
     */
    static Rest rest(Resource parent, String name, String project, AppSpec app, Provider provider,
                     List<? extends Resource> before, List<? extends Resource> podsAfter) {
        Deployment deployment = new Deployment(name + "-deployment", DeploymentArgs.builder()
                .metadata(metadata(project, app))
                .spec(deploymentSpec(project, app))
                .build(), options(parent, provider, podsAfter));
        Service service = new Service(name + "-service", ServiceArgs.builder()
                .metadata(serviceMetadata(project, app))
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
                .build(), options(parent, provider, podsAfter));
        Optional<PodDisruptionBudget> budget = app.replicas().replicated()
                ? Optional.of(new PodDisruptionBudget(name + "-pdb", PodDisruptionBudgetArgs.builder()
                        .metadata(metadata(project, app))
                        .spec(PodDisruptionBudgetSpecArgs.builder()
                                // one pod at a time may go, so a drain always makes progress
                                .maxUnavailable(1)
                                .selector(LabelSelectorArgs.builder().matchLabels(AppLabels.selector(app)).build())
                                .build())
                        .build(), options(parent, provider, before)))
                : Optional.empty();
        Optional<HorizontalPodAutoscaler> autoscaler = app.replicas().autoscaled()
                ? Optional.of(new HorizontalPodAutoscaler(name + "-hpa", HorizontalPodAutoscalerArgs.builder()
                        .metadata(metadata(project, app))
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
                        .build(), options(parent, provider, List.of(deployment))))
                : Optional.empty();
        return new Rest(deployment, service, budget, autoscaler);
    }

    /**
     * Replicas are left to the autoscaler when there is one: a count in the Deployment would be set back on every
     * update.
     */
    private static DeploymentSpecArgs deploymentSpec(String project, AppSpec app) {
        var spec = DeploymentSpecArgs.builder()
                .selector(LabelSelectorArgs.builder().matchLabels(AppLabels.selector(app)).build())
                .revisionHistoryLimit(5)
                .strategy(DeploymentStrategyArgs.builder()
                        .type("RollingUpdate")
                        // a new pod is ready before an old one goes
                        .rollingUpdate(RollingUpdateDeploymentArgs.builder().maxUnavailable(0).maxSurge(1).build())
                        .build())
                .template(PodTemplate.of(project, app));
        if (!app.replicas().autoscaled()) {
            spec.replicas(app.replicas().min());
        }
        return spec.build();
    }

    private static ObjectMetaArgs metadata(String project, AppSpec app) {
        return ObjectMetaArgs.builder()
                .name(app.name())
                .namespace(app.namespace())
                .labels(AppLabels.objects(project, app))
                .build();
    }

    /**
     * With L7 rules, the Service sends its traffic through the namespace's waypoint, the ingress gateway's included.
     */
    private static ObjectMetaArgs serviceMetadata(String project, AppSpec app) {
        Map<String, String> labels = new TreeMap<>(AppLabels.objects(project, app));
        if (app.l7()) {
            labels.put(Labels.USE_WAYPOINT, Waypoint.NAME);
            labels.put(Labels.INGRESS_USE_WAYPOINT, "true");
        }
        return ObjectMetaArgs.builder()
                .name(app.name())
                .namespace(app.namespace())
                .labels(labels)
                .build();
    }

    private static CustomResourceOptions options(Resource parent, Provider provider,
                                                 List<? extends Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(parent).provider(provider)
                .dependsOn(List.copyOf(dependsOn)).build();
    }
}
