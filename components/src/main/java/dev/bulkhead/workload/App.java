package dev.bulkhead.workload;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.Resource;
import dev.bulkhead.model.AppSpec;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One application of a project, in its namespace, all of it in one stack: its own ServiceAccount (no token, no RBAC:
 * it exists to be the app's mesh identity), the policies of its trust ({@link AppPolicies}), a hardened Deployment
 * ({@link PodTemplate}), a ClusterIP Service named after the app whose port is the container port (so routes, exports
 * and policies that name the port mean the same number on both sides), a PodDisruptionBudget when it can run more
 * than one pod and a HorizontalPodAutoscaler when its replicas range. The policies exist before the pods do.
 *
 * <p>Where a platform stack and a team's stack split the app, the platform creates the policies
 * ({@link AppPerimeter}) and the team's stack the rest ({@link AppWorkload}), under the same names.
 */
public final class App extends ComponentResource {

    public static final String TYPE = "bulkhead:workload:App";
    /** The CPU utilization the autoscaler keeps the pods at. */
    public static final int TARGET_CPU_UTILIZATION = WorkloadObjects.TARGET_CPU_UTILIZATION;

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
        this.serviceAccount = WorkloadObjects.serviceAccount(this, name, args.project(), app, args.provider(), before);
        this.policies = AppPerimeter.createPolicies(this, name, args, before);
        List<Resource> podsAfter = new ArrayList<>(before);
        podsAfter.add(serviceAccount);
        podsAfter.addAll(policies);
        args.waypoint().ifPresent(w -> podsAfter.add(w.resource()));
        WorkloadObjects.Rest rest = WorkloadObjects.rest(this, name, args.project(), app, args.provider(), before,
                podsAfter);
        this.deployment = rest.deployment();
        this.service = rest.service();
        this.disruptionBudget = rest.disruptionBudget();
        this.autoscaler = rest.autoscaler();
        this.identity = Output.of(args.trust().identity().principal());
        registerOutputs(Map.of(
                "namespace", Output.of(app.namespace()),
                "service", Output.of(app.namespace() + "/" + app.name()),
                "identity", identity));
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
