package dev.bulkhead.access;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.naming.Labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a project's developers may do in each of the project's namespaces: one ClusterRole, granted only by
 * RoleBindings in those namespaces ({@link DeveloperBinding}), so it is worth nothing anywhere else.
 *
 * <p>They run their workloads: full control of Deployments, StatefulSets, ReplicaSets, Jobs, CronJobs and Pods
 * (with logs, exec, port-forward and attach), Services, ConfigMaps, Secrets, HorizontalPodAutoscalers,
 * PodDisruptionBudgets and PersistentVolumeClaims. They read what explains a denied call: events, quotas and limit
 * ranges, ServiceAccounts, endpoints, NetworkPolicies and every Istio and Gateway API object. They write nothing
 * of the perimeter (NetworkPolicies, Istio and Gateway API objects, TargetGroupBindings, ResourceQuotas,
 * LimitRanges), no RBAC object, no ServiceAccount, no Endpoints or EndpointSlices and no namespace. Admission
 * narrows what they may write further: ClusterIP Services only, no {@code externalIPs}, no token Secrets, no pod
 * wearing a platform identity's labels.
 *
 * <p>Unlike the EKS access policy {@code AmazonEKSEditPolicy}, which includes NetworkPolicies, this role is the
 * project's own and is reviewed here. DaemonSets are left out: a tenant's pod on every node is not a workload
 * pattern a project needs.
 */
public final class DeveloperRole {

    public static final String NAME = "bulkhead-developer";
    static final String RBAC_API = "rbac.authorization.k8s.io/v1";
    public static final List<String> READ = List.of("get", "list", "watch");
    public static final List<String> MANAGE = List.of("get", "list", "watch", "create", "update", "patch", "delete",
            "deletecollection");

    private DeveloperRole() {
    }

    /** The labels of the developer access objects. */
    public static Map<String, String> labels() {
        return Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE, Labels.COMPONENT, "access");
    }

    /** The ClusterRole, cluster-scoped but bound only per namespace. */
    public static Manifest clusterRole() {
        return new Manifest(RBAC_API, "ClusterRole", NAME, null, labels(), Map.of("rules", rules()), false);
    }

    /** The rules, in a fixed order. */
    public static List<Map<String, Object>> rules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        rules.add(rule("", List.of("pods", "services", "configmaps", "secrets", "persistentvolumeclaims"), MANAGE));
        rules.add(rule("", List.of("pods/log"), READ));
        rules.add(rule("", List.of("pods/exec", "pods/portforward", "pods/attach"), List.of("get", "create")));
        rules.add(rule("apps", List.of("deployments", "statefulsets", "replicasets"), MANAGE));
        rules.add(rule("apps", List.of("deployments/scale", "statefulsets/scale", "replicasets/scale"),
                List.of("get", "update", "patch")));
        rules.add(rule("batch", List.of("jobs", "cronjobs"), MANAGE));
        rules.add(rule("autoscaling", List.of("horizontalpodautoscalers"), MANAGE));
        rules.add(rule("policy", List.of("poddisruptionbudgets"), MANAGE));
        rules.add(rule("", List.of("events", "resourcequotas", "limitranges", "serviceaccounts", "endpoints"), READ));
        rules.add(rule("events.k8s.io", List.of("events"), READ));
        rules.add(rule("discovery.k8s.io", List.of("endpointslices"), READ));
        rules.add(rule("networking.k8s.io", List.of("networkpolicies"), READ));
        rules.add(rule("security.istio.io", List.of("*"), READ));
        rules.add(rule("networking.istio.io", List.of("*"), READ));
        rules.add(rule("gateway.networking.k8s.io", List.of("*"), READ));
        return rules;
    }

    private static Map<String, Object> rule(String group, List<String> resources, List<String> verbs) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("apiGroups", List.of(group));
        rule.put("resources", resources);
        rule.put("verbs", verbs);
        return rule;
    }
}
