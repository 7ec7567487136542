package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.QuotaSpec;

import java.util.Map;

/**
 * The namespace's ResourceQuota: CPU and memory totals, pod and service counts from config, and no LoadBalancer or
 * NodePort services at all: either would open a way in from outside that bypasses the project's ALB and gateway
 * (the AWS Load Balancer Controller turns a LoadBalancer Service into a load balancer of its own).
 */
public final class NamespaceQuota {

    public static final String NAME = "compartment-quota";

    private NamespaceQuota() {
    }

    public static Manifest of(Compartment compartment) {
        QuotaSpec quota = compartment.quota();
        return Manifest.namespaced("v1", "ResourceQuota", compartment.namespace(), NAME, compartment.labels(),
                Map.of("hard", Map.of(
                        "requests.cpu", quota.requestsCpu(),
                        "requests.memory", quota.requestsMemory(),
                        "limits.cpu", quota.limitsCpu(),
                        "limits.memory", quota.limitsMemory(),
                        "pods", String.valueOf(quota.pods()),
                        "services", String.valueOf(quota.services()),
                        "services.loadbalancers", "0",
                        "services.nodeports", "0")));
    }
}
