package dev.bulkhead.egress;

import dev.bulkhead.model.EgressRule;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.SharedEgressSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which external hosts the egress waypoint serves, and for whom: every host rule of every project, plus the
 * platform's shared hosts and AWS services, which every project may use. Pure; creates nothing.
 */
public final class EgressDestinations {

    private EgressDestinations() {
    }

    /** The hosts, one per host, port and TLS mode, sorted by host then port. */
    public static List<ExternalHost> hosts(List<ProjectSpec> projects, SharedEgressSpec shared, String region) {
        Map<String, Set<String>> admitted = new LinkedHashMap<>();
        Map<String, EgressRule.Host> rules = new LinkedHashMap<>();
        for (ProjectSpec project : projects) {
            for (EgressRule rule : project.egressRules()) {
                if (rule instanceof EgressRule.Host host) {
                    add(admitted, rules, host, Set.of(project.name()));
                }
            }
        }
        Set<String> everyone = new TreeSet<>();
        projects.forEach(p -> everyone.add(p.name()));
        if (!everyone.isEmpty()) {
            for (EgressRule.Host host : sharedHosts(shared, region)) {
                add(admitted, rules, host, everyone);
            }
        }
        List<ExternalHost> hosts = new ArrayList<>();
        rules.forEach((key, rule) -> hosts.add(
                new ExternalHost(rule.host(), rule.port(), rule.tlsOrigination(), new TreeSet<>(admitted.get(key)))));
        hosts.sort(Comparator.comparing(ExternalHost::host).thenComparingInt(ExternalHost::port)
                .thenComparing(ExternalHost::tlsOrigination));
        return List.copyOf(hosts);
    }

    /** The platform's shared hosts, and each AWS service as its regional endpoint name on 443. */
    public static List<EgressRule.Host> sharedHosts(SharedEgressSpec shared, String region) {
        List<EgressRule.Host> hosts = new ArrayList<>(shared.hosts());
        for (String service : shared.awsServices()) {
            hosts.add(new EgressRule.Host(service + "." + region + ".amazonaws.com", 443, false));
            if (service.equals("s3")) {
                // virtual-hosted-style bucket addresses
                hosts.add(new EgressRule.Host("*.s3." + region + ".amazonaws.com", 443, false));
            }
        }
        return hosts;
    }

    /** The names of the projects whose pods may use the waypoint at all. */
    public static Set<String> users(List<ExternalHost> hosts) {
        Set<String> users = new TreeSet<>();
        hosts.forEach(h -> users.addAll(h.projects()));
        return users;
    }

    private static void add(Map<String, Set<String>> admitted, Map<String, EgressRule.Host> rules, EgressRule.Host host,
                            Set<String> projects) {
        String key = host.host() + " " + host.port() + " " + host.tlsOrigination();
        rules.putIfAbsent(key, host);
        admitted.computeIfAbsent(key, k -> new TreeSet<>()).addAll(projects);
    }
}
