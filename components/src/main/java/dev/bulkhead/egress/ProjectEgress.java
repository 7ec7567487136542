package dev.bulkhead.egress;

import dev.bulkhead.isolation.Compartment;
import dev.bulkhead.isolation.NetworkPolicyParts;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.model.EgressRule;
import dev.bulkhead.naming.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.bulkhead.isolation.NetworkPolicyParts.EGRESS;

/**
 * A project namespace's ways out, beyond DNS and the project itself: HBONE to the egress waypoint when the project
 * may reach any external host, and one address block and port per CIDR rule. Every rule, narrow or allow-any, has
 * the never-outside ranges inside it cut out ({@link NeverOutside}). With neither, the namespace reaches nothing
 * outside the cluster. A waypoint in the namespace gets none of these: it forwards to its apps only.
 */
public final class ProjectEgress {

    public static final String TO_WAYPOINT = "allow-egress-waypoint";
    public static final String TO_CIDRS = "allow-egress-cidrs";
    public static final String TO_ANY = "allow-egress-any";

    private ProjectEgress() {
    }

    public static List<Manifest> of(Compartment compartment, List<EgressRule> rules, EgressContext context) {
        Map<String, String> labels = new TreeMap<>(compartment.labels());
        labels.put(Labels.COMPONENT, EgressWaypointPlan.COMPONENT);
        List<Manifest> policies = new ArrayList<>();
        boolean hosts = context.sharedHosts() || rules.stream().anyMatch(r -> r instanceof EgressRule.Host);
        if (hosts) {
            policies.add(policy(compartment, labels, TO_WAYPOINT, List.of(NetworkPolicyParts.to(
                    List.of(NetworkPolicyParts.podsIn(EgressWaypointPlan.NAMESPACE,
                            EgressWaypointPlan.WAYPOINT_POD_LABELS)),
                    List.of(NetworkPolicyParts.tcp(Ambient.HBONE_PORT))))));
        }
        List<Map<String, Object>> narrow = new ArrayList<>();
        List<Map<String, Object>> any = new ArrayList<>();
        List<String> destinations = new ArrayList<>();
        for (EgressRule rule : rules) {
            if (rule instanceof EgressRule.Cidr cidr) {
                var port = List.of(NetworkPolicyParts.tcp(cidr.port()));
                if (cidr.allowAny()) {
                    any.add(NetworkPolicyParts.to(
                            List.of(NetworkPolicyParts.anyAddressExcept(NeverOutside.ranges(context.internalRanges()))),
                            port));
                } else {
                    narrow.add(NetworkPolicyParts.to(List.of(NetworkPolicyParts.ipBlock(cidr.cidr(),
                            NeverOutside.inside(cidr.cidr(), context.internalRanges()))), port));
                    destinations.add(cidr.cidr() + ":" + cidr.port());
                }
            }
        }
        if (!narrow.isEmpty()) {
            policies.add(policy(compartment, labels, TO_CIDRS, narrow)
                    .withAnnotations(Map.of(Labels.EGRESS_DESTINATION, String.join(",", destinations))));
        }
        if (!any.isEmpty()) {
            policies.add(policy(compartment, labels, TO_ANY, any)
                    .withAnnotations(Map.of(Labels.ALLOW_ANY, "true")));
        }
        return policies;
    }

    private static Manifest policy(Compartment c, Map<String, String> labels, String name,
                                   List<Map<String, Object>> egress) {
        return NetworkPolicyParts.policy(c.namespace(), labels, name, Map.of(
                "podSelector", NetworkPolicyParts.workloadPods(),
                "policyTypes", List.of(EGRESS),
                "egress", egress));
    }
}
