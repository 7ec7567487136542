package dev.bulkhead.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A tenant: a set of namespaces forming one virtual network, its developers, and the only ways in and out
 * (ingress routes, exports to other projects, egress allow-list).
 *
 * @param metricsPorts ports on which the monitoring namespace may scrape the project's pods
 * @param apps         the project's applications, each in one of its namespaces
 */
public record ProjectSpec(
        String name,
        List<String> namespaces,
        List<String> developers,
        Optional<IngressSpec> ingress,
        List<ExportSpec> exports,
        List<EgressRule> egress,
        QuotaSpec quota,
        List<Integer> metricsPorts,
        List<AppSpec> apps) {

    public ProjectSpec {
        namespaces = List.copyOf(namespaces);
        developers = List.copyOf(developers);
        exports = List.copyOf(exports);
        egress = List.copyOf(egress);
        metricsPorts = List.copyOf(metricsPorts);
        apps = List.copyOf(apps);
    }

    /** A project without apps. */
    public ProjectSpec(String name, List<String> namespaces, List<String> developers, Optional<IngressSpec> ingress,
                       List<ExportSpec> exports, List<EgressRule> egress, QuotaSpec quota, List<Integer> metricsPorts) {
        this(name, namespaces, developers, ingress, exports, egress, quota, metricsPorts, List.of());
    }

    public Optional<AppSpec> app(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The ports the monitoring namespace may scrape: the project's metrics ports and every app's, sorted. */
    public List<Integer> scrapePorts() {
        TreeSet<Integer> ports = new TreeSet<>(metricsPorts);
        apps.forEach(a -> a.metricsPort().ifPresent(ports::add));
        return List.copyOf(ports);
    }

    /**
     * The project's ways out: its egress entries, then the hosts its apps' JWT issuers serve keys from (those not
     * already listed), so that token validation never depends on an entry someone forgot.
     */
    public List<EgressRule> egressRules() {
        List<EgressRule> rules = new ArrayList<>(egress);
        for (AppSpec app : apps) {
            app.jwt().ifPresent(jwt -> jwt.egressHosts().forEach(host -> {
                boolean listed = rules.stream().anyMatch(r -> r instanceof EgressRule.Host h
                        && h.host().equals(host.host()) && h.port() == host.port());
                if (!listed) {
                    rules.add(host);
                }
            }));
        }
        return List.copyOf(rules);
    }
}
