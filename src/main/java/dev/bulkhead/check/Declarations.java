package dev.bulkhead.check;

import dev.bulkhead.intent.DeclaredFlow;
import dev.bulkhead.intent.Intent;
import dev.bulkhead.intent.ProjectIntent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The config's declared flows ({@code intent.json}) matched against the matrix's probes: a probe is known by the
 * endpoint keys it stands for ({@code project:shop}, {@code gateway:shop}, {@code dns}, {@code cidr:...}), taken
 * from the config's projects and namespaces, never from labels on the rendered objects.
 */
final class Declarations {

    private final Intent intent;
    private final Map<String, List<DeclaredFlow>> byFrom = new HashMap<>();
    private final Map<String, ProjectIntent> byNamespace = new HashMap<>();

    Declarations(Intent intent) {
        this.intent = intent;
        intent.flows().forEach(f -> byFrom.computeIfAbsent(f.from(), k -> new ArrayList<>()).add(f));
        intent.projects().forEach(p -> {
            p.namespaces().forEach(ns -> byNamespace.putIfAbsent(ns, p));
            p.gatewayNamespace().ifPresent(ns -> byNamespace.putIfAbsent(ns, p));
        });
    }

    /** The project a namespace belongs to in config, if any. */
    Optional<ProjectIntent> projectOf(String namespace) {
        return Optional.ofNullable(byNamespace.get(namespace));
    }

    /** The declared flow that covers this one, if any. */
    Optional<DeclaredFlow> covering(Probe from, Probe to, int port, String protocol) {
        Set<String> toKeys = keys(to);
        for (String key : keys(from)) {
            for (DeclaredFlow flow : byFrom.getOrDefault(key, List.of())) {
                if (toKeys.contains(flow.to()) && flow.covers(port, protocol)) {
                    return Optional.of(flow);
                }
            }
        }
        return Optional.empty();
    }

    /** The endpoint keys of declared flows that a probe stands for. */
    Set<String> keys(Probe probe) {
        Set<String> keys = new LinkedHashSet<>();
        Optional<String> ns = probe.party().namespace();
        switch (probe.kind()) {
            case WORKLOAD, WAYPOINT -> ns.ifPresent(n -> {
                projectOf(n).filter(p -> p.namespaces().contains(n)).ifPresent(p -> keys.add("project:" + p.name()));
                keys.add("namespace:" + n);
                if (probe.kind() == Probe.Kind.WAYPOINT) {
                    keys.add("waypoint:" + n);
                }
            });
            case GATEWAY -> ns.ifPresent(n -> {
                projectOf(n).filter(p -> p.gatewayNamespace().filter(n::equals).isPresent())
                        .ifPresent(p -> keys.add("gateway:" + p.name()));
                keys.add("namespace:" + n);
            });
            case EGRESS_WAYPOINT -> keys.add("egress-waypoint");
            case DNS -> keys.add("dns");
            case ISTIOD -> keys.add("istiod");
            case MONITORING -> ns.filter(intent.monitoringNamespace()::equals).ifPresent(n -> keys.add("prometheus"));
            case ALB_SUBNET -> keys.add("alb-subnets");
            case INTERNET -> keys.add("outside");
            case DECLARED_CIDR -> {
                keys.add("outside");
                keys.add("cidr:" + probe.name().substring(probe.name().indexOf(' ') + 1));
            }
            default -> {
            }
        }
        return keys;
    }
}
