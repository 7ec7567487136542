package dev.bulkhead.platform.guards;

import dev.bulkhead.naming.Names;
import dev.bulkhead.platform.Charts;
import dev.bulkhead.platform.LoadBalancerControllerValues;

import java.util.List;

/**
 * Who "the platform" is when the API server asks, named exactly, for the admission guards: the platform admin
 * role (Pulumi's deployer) by the Kubernetes group its access entry carries, and each controller by the user name
 * of its own ServiceAccount. The controller manager runs every controller under its own ServiceAccount in
 * {@code kube-system}; a tenant can run nothing there.
 */
public final class PlatformIdentities {

    public static final String KUBE_SYSTEM = "kube-system";
    /** Deletes every object of a namespace being deleted. */
    public static final String NAMESPACE_CONTROLLER = controller("namespace-controller");
    /** Deletes objects whose owner is gone, and removes their finalizers. */
    public static final String GARBAGE_COLLECTOR = controller("generic-garbage-collector");
    /** Creates the {@code default} ServiceAccount of every namespace. */
    public static final String SERVICE_ACCOUNT_CONTROLLER = controller("service-account-controller");
    /** Creates ReplicaSets from Deployments. */
    public static final String DEPLOYMENT_CONTROLLER = controller("deployment-controller");
    /** Creates Jobs from CronJobs. */
    public static final String CRONJOB_CONTROLLER = controller("cronjob-controller");
    /** The controllers that create Pods from the templates of the workload kinds. */
    public static final List<String> POD_CREATORS = List.of(controller("replicaset-controller"),
            controller("job-controller"), controller("statefulset-controller"), controller("daemon-set-controller"),
            controller("replication-controller"));
    /** istiod: deploys each Gateway's and waypoint's Deployment, Service and ServiceAccount. */
    public static final String ISTIOD = serviceAccount(Charts.ISTIO_NAMESPACE, "istiod");
    /** The load balancer controller: adds its finalizer to the TargetGroupBindings it reconciles. */
    public static final String LOAD_BALANCER_CONTROLLER = serviceAccount(
            Charts.LOAD_BALANCER_CONTROLLER.namespace(), LoadBalancerControllerValues.SERVICE_ACCOUNT);

    private PlatformIdentities() {
    }

    /** The Kubernetes group of the platform admin role, Pulumi's deployer. */
    public static String adminGroup() {
        return Names.platformAdminGroup();
    }

    /** The user name a ServiceAccount's requests carry. */
    public static String serviceAccount(String namespace, String name) {
        return "system:serviceaccount:" + namespace + ":" + name;
    }

    private static String controller(String name) {
        return serviceAccount(KUBE_SYSTEM, name);
    }
}
