package dev.bulkhead.platform;

import dev.bulkhead.isolation.AllowDns;
import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.network.Ipv4Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;
import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * NetworkPolicies of the platform's controllers that no chart provides. With the network policy agent in strict
 * mode every pod starts default-deny, so each controller that talks needs one (Istio's charts install their own,
 * the operator's namespace has {@code OperatorNetworkPolicies}, CoreDNS's comes with the cluster):
 * <ul>
 *   <li>the load balancer controller: its webhook (9443) from the VPC, where the API server's network interfaces
 *       are; out to DNS, the Kubernetes API and the AWS APIs through the VPC's endpoints (443), and to the
 *       Pod Identity agent on its node for credentials;</li>
 *   <li>Kyverno, every pod: its webhooks (9443) from the VPC; out to DNS and the Kubernetes API. With image
 *       signatures on, its admission controller also reaches registries on 443 anywhere but the private and
 *       cluster's ranges: ECR keeps image layers and signatures in S3, whose addresses are public. That policy is
 *       annotated as an explicit allow-any, so {@code check} reports it.</li>
 * </ul>
 */
public final class PlatformNetworkPolicies {

    public static final String LB_CONTROLLER = "aws-load-balancer-controller";
    public static final String KYVERNO = "kyverno";
    public static final String KYVERNO_REGISTRIES = "kyverno-registries";
    public static final int WEBHOOK_PORT = 9443;
    public static final int HTTPS = 443;
    /** The EKS Pod Identity agent listens on this link-local address of each node, port 80. */
    public static final String POD_IDENTITY_AGENT = "169.254.170.23/32";
    public static final Map<String, String> LB_CONTROLLER_PODS = Map.of(Labels.APP_NAME,
            "aws-load-balancer-controller");
    public static final Map<String, String> KYVERNO_ADMISSION_PODS = Map.of("app.kubernetes.io/component",
            "admission-controller");
    /**
     * Ranges a registry is never in, cut out of the allow-any: RFC 1918 (the VPC and the Service range are private),
     * link-local, and carrier-grade NAT.
     */
    static final List<String> NEVER_REGISTRIES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "169.254.0.0/16", "100.64.0.0/10");

    private PlatformNetworkPolicies() {
    }

    /**
     * @param vpcCidr     the VPC: the API server's interfaces, the VPC endpoints and the nodes are in it
     * @param serviceCidr the Service range; its first address is the {@code kubernetes} Service
     * @param signatures  whether Kyverno verifies image signatures
     */
    public static List<Manifest> of(String vpcCidr, String serviceCidr, boolean signatures) {
        Ipv4Cidr services = Ipv4Cidr.parse(serviceCidr);
        List<Map<String, Object>> api = List.of(
                NetworkPolicyParts.ipBlock(new Ipv4Cidr(services.address() + 1, 32).toString()),
                NetworkPolicyParts.ipBlock(vpcCidr));
        Map<String, Object> webhookFromVpc = NetworkPolicyParts.from(List.of(NetworkPolicyParts.ipBlock(vpcCidr)),
                List.of(NetworkPolicyParts.tcp(WEBHOOK_PORT)));
        Map<String, Object> dns = NetworkPolicyParts.to(
                List.of(NetworkPolicyParts.podsIn(AllowDns.DNS_NAMESPACE, AllowDns.DNS_POD_LABELS)),
                List.of(NetworkPolicyParts.udp(AllowDns.DNS_PORT), NetworkPolicyParts.tcp(AllowDns.DNS_PORT)));
        Map<String, Object> https = NetworkPolicyParts.to(api, List.of(NetworkPolicyParts.tcp(HTTPS)));

        List<Manifest> policies = new ArrayList<>();
        policies.add(NetworkPolicyParts.policy(Charts.LOAD_BALANCER_CONTROLLER.namespace(), labels(), LB_CONTROLLER,
                Map.of("podSelector", NetworkPolicyParts.matchLabels(LB_CONTROLLER_PODS),
                        "policyTypes", List.of(INGRESS, EGRESS),
                        "ingress", List.of(webhookFromVpc),
                        "egress", List.of(dns, https, NetworkPolicyParts.to(
                                List.of(NetworkPolicyParts.ipBlock(POD_IDENTITY_AGENT)),
                                List.of(NetworkPolicyParts.tcp(80)))))));
        policies.add(NetworkPolicyParts.policy(Charts.KYVERNO.namespace(), labels(), KYVERNO,
                Map.of("podSelector", NetworkPolicyParts.allPods(),
                        "policyTypes", List.of(INGRESS, EGRESS),
                        "ingress", List.of(webhookFromVpc),
                        "egress", List.of(dns, https))));
        if (signatures) {
            policies.add(NetworkPolicyParts.policy(Charts.KYVERNO.namespace(), labels(), KYVERNO_REGISTRIES,
                    Map.of("podSelector", NetworkPolicyParts.matchLabels(KYVERNO_ADMISSION_PODS),
                            "policyTypes", List.of(EGRESS),
                            "egress", List.of(NetworkPolicyParts.to(
                                    List.of(NetworkPolicyParts.anyAddressExcept(NEVER_REGISTRIES)),
                                    List.of(NetworkPolicyParts.tcp(HTTPS))))))
                    .withAnnotations(Map.of(Labels.ALLOW_ANY, "true")));
        }
        return policies;
    }

    private static Map<String, String> labels() {
        return Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE, Labels.COMPONENT, Labels.COMPONENT_PLATFORM);
    }
}
