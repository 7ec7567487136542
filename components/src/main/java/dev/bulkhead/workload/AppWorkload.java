package dev.bulkhead.workload;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.model.AppSpec;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workload of one app and nothing of its perimeter: its token-less ServiceAccount, hardened Deployment, ClusterIP
 * Service, PodDisruptionBudget and HorizontalPodAutoscaler, the same objects {@link App} creates. This is what a
 * team's own stack creates: the platform stack has already made the app's policies ({@link AppPerimeter}) and the
 * namespace's waypoint, and the team's workspace may write exactly the kinds of {@link WorkloadKinds} in its project's
 * namespaces, none of the perimeter. The pods carry the labels the platform's policies select
 * ({@link AppLabels}), derived from the app's declared trust, so the app must declare the same {@code callers},
 * {@code authorization} and {@code jwt} as the platform's config does.
 */
public final class AppWorkload extends ComponentResource {

    public static final String TYPE = "bulkhead:workload:AppWorkload";

    private final ServiceAccount serviceAccount;
    private final Deployment deployment;
    private final Service service;
    private final Optional<PodDisruptionBudget> disruptionBudget;
    private final Optional<HorizontalPodAutoscaler> autoscaler;

    public AppWorkload(String name, AppWorkloadArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        AppSpec app = args.app();
        this.serviceAccount = WorkloadObjects.serviceAccount(this, name, args.project(), app, args.provider(),
                args.dependsOn());
        List<Resource> podsAfter = new ArrayList<>(args.dependsOn());
        podsAfter.add(serviceAccount);
        WorkloadObjects.Rest rest = WorkloadObjects.rest(this, name, args.project(), app, args.provider(),
                args.dependsOn(), podsAfter);
        this.deployment = rest.deployment();
        this.service = rest.service();
        this.disruptionBudget = rest.disruptionBudget();
        this.autoscaler = rest.autoscaler();
        registerOutputs(Map.of(
                "namespace", Output.of(app.namespace()),
                "service", Output.of(app.namespace() + "/" + app.name()),
                "serviceAccount", Output.of(app.name())));
    }

    public ServiceAccount serviceAccount() {
        return serviceAccount;
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
