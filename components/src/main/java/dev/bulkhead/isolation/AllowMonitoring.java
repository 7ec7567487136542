package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.naming.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.bulkhead.isolation.NetworkPolicyParts.INGRESS;

/**
 * Scraping: ingress from the monitoring namespace's Prometheus pods on the metrics ports. A meshed Prometheus's
 * scrape arrives wrapped in HBONE, so the HBONE port is admitted from the same pods too; which inner ports it may
 * then reach is held to the metrics ports by the namespace's AuthorizationPolicy, which ztunnel enforces. Without
 * metrics ports the policy admits nothing.
 */
public final class AllowMonitoring {

    public static final String NAME = "allow-monitoring";
    /** The label the monitoring namespace's Prometheus pods carry. */
    public static final Map<String, String> PROMETHEUS_POD_LABELS = Map.of(Labels.APP_NAME, Labels.APP_NAME_PROMETHEUS);

    private AllowMonitoring() {
    }

    public static Manifest of(Compartment compartment) {
        Map<String, Object> spec = new TreeMap<>();
        spec.put("podSelector", NetworkPolicyParts.allPods());
        spec.put("policyTypes", List.of(INGRESS));
        if (!compartment.metricsPorts().isEmpty()) {
            var numbers = new TreeSet<>(compartment.metricsPorts());
            numbers.add(Ambient.HBONE_PORT);
            List<Map<String, Object>> ports = new ArrayList<>();
            for (int port : numbers) {
                ports.add(NetworkPolicyParts.tcp(port));
            }
            spec.put("ingress", List.of(NetworkPolicyParts.from(
                    List.of(NetworkPolicyParts.podsIn(compartment.monitoringNamespace(), PROMETHEUS_POD_LABELS)),
                    ports)));
        }
        return NetworkPolicyParts.policy(compartment, NAME, spec);
    }
}
