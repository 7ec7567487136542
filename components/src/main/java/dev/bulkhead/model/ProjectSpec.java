package dev.bulkhead.model;

import java.util.List;
import java.util.Optional;

/**
 * A tenant: a set of namespaces forming one virtual network, its developers, and the only ways in and out
 * (ingress routes, exports to other projects, egress allow-list).
 *
 * @param metricsPorts ports on which the monitoring namespace may scrape the project's pods
 */
public record ProjectSpec(
        String name,
        List<String> namespaces,
        List<String> developers,
        Optional<IngressSpec> ingress,
        List<ExportSpec> exports,
        List<EgressRule> egress,
        QuotaSpec quota,
        List<Integer> metricsPorts) {

    public ProjectSpec {
        namespaces = List.copyOf(namespaces);
        developers = List.copyOf(developers);
        exports = List.copyOf(exports);
        egress = List.copyOf(egress);
        metricsPorts = List.copyOf(metricsPorts);
    }
}
