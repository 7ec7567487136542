package dev.bulkhead.operator;

import dev.bulkhead.isolation.AllowDns;
import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.manifest.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;
import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * Seals the operator's namespace: default deny both ways and DNS, then exactly the flows the operator needs.
 * The manager reaches the Kubernetes API, the git host (it polls the tracked branch) and the workspace pods' gRPC
 * port; a workspace pod admits only the manager, on that port, and reaches only the Kubernetes API, the git host,
 * the state backend and, when configured, the dependency hosts, all on 443.
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

    /**
     * @param apiServerCidrs where the Kubernetes API answers (see the class comment)
     * @param gitCidrs       the git host
     * @param backendCidrs   the state backend
     * @param dependencyCidrs Maven and plugin downloads; may be empty
     */
    public static List<Manifest> of(String namespace, List<String> apiServerCidrs, List<String> gitCidrs,
                                    List<String> backendCidrs, List<String> dependencyCidrs) {
        var manager = NetworkPolicyParts.podsIn(namespace, OperatorChart.MANAGER_POD_LABELS);
        var workspaces = NetworkPolicyParts.podsIn(namespace, Workspaces.POD_LABELS);
        var https = List.of(NetworkPolicyParts.tcp(Workspaces.HTTPS));

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
        policies.add(policy(namespace, OPERATOR_EGRESS, Map.of(
                "podSelector", NetworkPolicyParts.matchLabels(OperatorChart.MANAGER_POD_LABELS),
                "policyTypes", List.of(EGRESS),
                "egress", List.of(
                        NetworkPolicyParts.to(blocks(apiServerCidrs), https),
                        NetworkPolicyParts.to(blocks(gitCidrs), https),
                        NetworkPolicyParts.to(List.of(workspaces),
                                List.of(NetworkPolicyParts.tcp(Workspaces.GRPC_PORT)))))));
        policies.add(policy(namespace, WORKSPACE_INGRESS, Map.of(
                "podSelector", NetworkPolicyParts.matchLabels(Workspaces.POD_LABELS),
                "policyTypes", List.of(INGRESS),
                "ingress", List.of(NetworkPolicyParts.from(List.of(manager),
                        List.of(NetworkPolicyParts.tcp(Workspaces.GRPC_PORT)))))));
        List<Map<String, Object>> workspaceEgress = new ArrayList<>(List.of(
                NetworkPolicyParts.to(blocks(apiServerCidrs), https),
                NetworkPolicyParts.to(blocks(gitCidrs), https),
                NetworkPolicyParts.to(blocks(backendCidrs), https)));
        if (!dependencyCidrs.isEmpty()) {
            workspaceEgress.add(NetworkPolicyParts.to(blocks(dependencyCidrs), https));
        }
        policies.add(policy(namespace, WORKSPACE_EGRESS, Map.of(
                "podSelector", NetworkPolicyParts.matchLabels(Workspaces.POD_LABELS),
                "policyTypes", List.of(EGRESS),
                "egress", workspaceEgress)));
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
