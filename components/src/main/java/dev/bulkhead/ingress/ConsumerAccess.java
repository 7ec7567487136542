package dev.bulkhead.ingress;

import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;

/**
 * A consumer namespace's way to the exports it was granted: egress to each exporting project's gateway pods on the
 * export listeners naming this project (and HBONE), nothing else of the exporting project. A waypoint in the namespace
 * is not the consumer and gets none of it.
 */
public final class ConsumerAccess {

    public static final String NAME = "allow-exports";

    private ConsumerAccess() {
    }

    /** The policy for {@code namespace} of {@code consumer}; absent if no project exports to it. */
    public static Optional<Manifest> of(ProjectSpec consumer, List<ProjectSpec> allProjects, String namespace) {
        List<Object> rules = new ArrayList<>();
        for (ProjectSpec exporter : allProjects) {
            TreeSet<Integer> ports = new TreeSet<>();
            for (ExportSpec export : exporter.exports()) {
                if (export.consumers().contains(consumer.name())) {
                    ports.add(GatewayPorts.export(export.name()));
                }
            }
            if (!ports.isEmpty()) {
                rules.add(NetworkPolicyParts.to(List.of(NetworkPolicyParts.podsIn(
                                Names.gatewayNamespace(exporter.name()),
                                Map.of(Ambient.PROXY_POD_LABEL,
                                        GatewayApi.gatewayName(exporter.name())))),
                        GatewayPolicies.ports(ports)));
            }
        }
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Manifest.namespaced(NetworkPolicyParts.API_VERSION, NetworkPolicyParts.KIND, namespace,
                NAME, ProjectEdge.labels(consumer.name(), Exports.COMPONENT),
                Map.of("podSelector", NetworkPolicyParts.workloadPods(),
                        "policyTypes", List.of(EGRESS),
                        "egress", rules)));
    }
}
