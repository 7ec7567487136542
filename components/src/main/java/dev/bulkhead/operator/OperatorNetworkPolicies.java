package dev.bulkhead.operator;

import dev.bulkhead.isolation.AllowDns;
import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.ProjectStackSpec;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;
import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * Seals the operator's namespace: default deny both ways and DNS, then exactly the flows the operator needs.
 * The manager reaches the Kubernetes API, every project's git host (it polls the tracked branches) and the workspace
 * pods' gRPC port; a workspace pod admits only the manager, on that port. Each project's workspace reaches, on 443,
 * only the Kubernetes API, its own project's git host and state backend and, when its image lacks them, the Maven
 * and plugin download ranges: one egress policy per project, selecting its workspace pod by the name the operator
 * gives it ({@value Workspaces#NAME_LABEL}), so one project's workspace cannot reach another's backend.
 *
 * <p>The Kubernetes API is given as address blocks: on EKS the private endpoint's network interfaces sit in the
 * cluster's subnets, whose addresses are not known before they exist, so the blocks are the whole private
 * subnets (plus the {@code kubernetes} Service address). That is wider than the API server alone: it also
 * covers nodes and pods on 443, which the project namespaces' own default deny still refuses on their side.
 */
public final class OperatorNetworkPolicies {

    public static final String DEFAULT_DENY = "default-deny";
    public static final String OPERATOR_EGRESS = "operator-egress";
    public static final String WORKSPACE_INGRESS = "workspace-from-operator";
    public static final String WORKSPACE_EGRESS = "workspace-egress";

    private OperatorNetworkPolicies() {
    }

    /** The name of {@code project}'s workspace egress policy. */
    public static String workspaceEgress(String project) {
        return Names.kubernetes(WORKSPACE_EGRESS, project);
    }

    /**
     * @param apiServerCidrs where the Kubernetes API answers (see the class comment)
     * @param stacks         each project's stack settings, by project name: its git host, backend and download ranges
     */
    public static List<Manifest> of(String namespace, List<String> apiServerCidrs,
                                    Map<String, ProjectStackSpec> stacks) {
        var manager = NetworkPolicyParts.podsIn(namespace, OperatorChart.MANAGER_POD_LABELS);
        var workspaces = NetworkPolicyParts.podsIn(namespace, Workspaces.POD_LABELS);
        var https = List.of(NetworkPolicyParts.tcp(Workspaces.HTTPS));
        TreeSet<String> everyGitHost = new TreeSet<>();
        stacks.values().forEach(s -> everyGitHost.addAll(s.gitCidrs()));

        List<Manifest> policies = new ArrayList<>();
        policies.add(policy(namespace, DEFAULT_DENY, Map.of(
                "podSelector", NetworkPolicyParts.allPods(),
                "policyTypes", List.of(INGRESS, EGRESS))));
        policies.add(policy(namespace, AllowDns.NAME, Map.of(
                "podSelector", NetworkPolicyParts.allPods(),
                "policyTypes", List.of(EGRESS),
                "egress", List.of(NetworkPolicyParts.to(
                        List.of(NetworkPolicyParts.podsIn(AllowDns.DNS_NAMESPACE, AllowDns.DNS_POD_LABELS)),
                        List.of(NetworkPolicyParts.udp(AllowDns.DNS_PORT), NetworkPolicyParts.tcp(AllowDns.DNS_PORT)))))));
        List<Map<String, Object>> managerEgress = new ArrayList<>();
        managerEgress.add(NetworkPolicyParts.to(blocks(apiServerCidrs), https));
        if (!everyGitHost.isEmpty()) {
            managerEgress.add(NetworkPolicyParts.to(blocks(List.copyOf(everyGitHost)), https));
        }
        managerEgress.add(NetworkPolicyParts.to(List.of(workspaces),
                List.of(NetworkPolicyParts.tcp(Workspaces.GRPC_PORT))));
        policies.add(policy(namespace, OPERATOR_EGRESS, Map.of(
                "podSelector", NetworkPolicyParts.matchLabels(OperatorChart.MANAGER_POD_LABELS),
                "policyTypes", List.of(EGRESS),
                "egress", managerEgress)));
        policies.add(policy(namespace, WORKSPACE_INGRESS, Map.of(
                "podSelector", NetworkPolicyParts.matchLabels(Workspaces.POD_LABELS),
                "policyTypes", List.of(INGRESS),
                "ingress", List.of(NetworkPolicyParts.from(List.of(manager),
                        List.of(NetworkPolicyParts.tcp(Workspaces.GRPC_PORT)))))));
        stacks.forEach((project, stack) -> {
            List<Map<String, Object>> egress = new ArrayList<>(List.of(
                    NetworkPolicyParts.to(blocks(apiServerCidrs), https),
                    NetworkPolicyParts.to(blocks(stack.gitCidrs()), https),
                    NetworkPolicyParts.to(blocks(stack.backendCidrs()), https)));
            if (!stack.dependencyCidrs().isEmpty()) {
                egress.add(NetworkPolicyParts.to(blocks(stack.dependencyCidrs()), https));
            }
            policies.add(policy(namespace, workspaceEgress(project), Map.of(
                    "podSelector", NetworkPolicyParts.matchLabels(
                            Workspaces.podLabels(ProjectStack.objectName(project))),
                    "policyTypes", List.of(EGRESS),
                    "egress", egress)));
        });
        return policies;
    }

    private static List<Map<String, Object>> blocks(List<String> cidrs) {
        return cidrs.stream().map(NetworkPolicyParts::ipBlock).toList();
    }

    private static Manifest policy(String namespace, String name, Map<String, Object> spec) {
        return Manifest.namespaced(NetworkPolicyParts.API_VERSION, NetworkPolicyParts.KIND, namespace, name,
                PulumiOperator.labels(), spec);
    }
}
