package dev.bulkhead.platform.guards;

import dev.bulkhead.naming.Labels;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.platform.guards.AdmissionGuard.WRITES;

/**
 * No Service with {@code externalIPs} outside the platform's namespaces (CVE-2020-8554): kube-proxy sends traffic
 * for a Service's external IPs to its pods, so a tenant could claim another project's gateway address and receive
 * that project's load balancer traffic. EKS does not enable the {@code DenyServiceExternalIPs} admission plugin, so
 * this guard does its job. Nobody is exempt.
 */
public final class ExternalIpsGuard {

    public static final String NAME = "bulkhead-no-external-ips";

    private ExternalIpsGuard() {
    }

    public static AdmissionGuard of(GuardContext context) {
        Map<String, Object> outsidePlatform = Map.of("matchExpressions", List.of(Map.of(
                "key", Labels.NAMESPACE_NAME, "operator", "NotIn", "values", context.platformNamespaces())));
        return AdmissionGuard.of(NAME,
                AdmissionGuard.match(List.of(AdmissionGuard.rule("", List.of("services"), WRITES)), outsidePlatform),
                Map.of(), Map.of(),
                Map.of("!has(object.spec.externalIPs) || size(object.spec.externalIPs) == 0",
                        "Services outside the platform's namespaces cannot set externalIPs"));
    }
}
