package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;

/** Name resolution: egress to the cluster DNS pods in kube-system on port 53, UDP and TCP. */
public final class AllowDns {

    public static final String NAME = "allow-dns";
    public static final String DNS_NAMESPACE = "kube-system";
    /** The label CoreDNS pods carry on EKS (and in upstream Kubernetes), kept from the kube-dns days. */
    public static final Map<String, String> DNS_POD_LABELS = Map.of("k8s-app", "kube-dns");
    public static final int DNS_PORT = 53;

    private AllowDns() {
    }

    public static Manifest of(Compartment compartment) {
        return forNamespace(compartment.namespace(), compartment.labels());
    }

    /** DNS for every pod of any namespace Bulkhead seals. */
    public static Manifest forNamespace(String namespace, Map<String, String> labels) {
        return NetworkPolicyParts.policy(namespace, labels, NAME, Map.of(
                "podSelector", NetworkPolicyParts.allPods(),
                "policyTypes", List.of(EGRESS),
                "egress", List.of(NetworkPolicyParts.to(
                        List.of(NetworkPolicyParts.podsIn(DNS_NAMESPACE, DNS_POD_LABELS)),
                        List.of(NetworkPolicyParts.udp(DNS_PORT), NetworkPolicyParts.tcp(DNS_PORT))))));
    }
}
