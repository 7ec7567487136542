package dev.bulkhead.cluster;

import dev.bulkhead.isolation.AllowDns;
import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.network.Ipv4Cidr;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;
import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * The cluster DNS's own NetworkPolicy. With the network policy agent in strict mode every pod starts default-deny,
 * CoreDNS included, so CoreDNS needs a policy before its add-on can become healthy: it admits DNS queries from
 * every pod (the one service every namespace uses; port 53 only) and from the VPC (nodes and host-network pods),
 * and sends only to the VPC's resolver (upstream names) and to the Kubernetes API (it watches Services). The API is
 * the {@code kubernetes} Service address plus the VPC, where EKS places the endpoint's network interfaces.
 */
final class ClusterDnsPolicy {

    static final String NAME = "coredns";
    static final int API_PORT = 443;

    private ClusterDnsPolicy() {
    }

    static Manifest of(String vpcCidr, String serviceCidr) {
        Ipv4Cidr services = Ipv4Cidr.parse(serviceCidr);
        String apiService = new Ipv4Cidr(services.address() + 1, 32).toString();
        List<Map<String, Object>> dns = List.of(NetworkPolicyParts.udp(AllowDns.DNS_PORT),
                NetworkPolicyParts.tcp(AllowDns.DNS_PORT));
        Map<String, Object> everyPod = Map.of("namespaceSelector", Map.of());
        return NetworkPolicyParts.policy(AllowDns.DNS_NAMESPACE,
                Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE, Labels.COMPONENT, "cluster"), NAME, Map.of(
                        "podSelector", NetworkPolicyParts.matchLabels(AllowDns.DNS_POD_LABELS),
                        "policyTypes", List.of(INGRESS, EGRESS),
                        "ingress", List.of(NetworkPolicyParts.from(
                                List.of(everyPod, NetworkPolicyParts.ipBlock(vpcCidr)), dns)),
                        "egress", List.of(
                                NetworkPolicyParts.to(List.of(NetworkPolicyParts.ipBlock(vpcCidr)), dns),
                                NetworkPolicyParts.to(List.of(NetworkPolicyParts.ipBlock(apiService),
                                        NetworkPolicyParts.ipBlock(vpcCidr)),
                                        List.of(NetworkPolicyParts.tcp(API_PORT))))));
    }
}
