package dev.bulkhead.netpol;

import dev.bulkhead.netpol.Endpoint.Pod;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A parsed NetworkPolicy. {@code rules} has a key for each direction in its effective {@code policyTypes}: the
 * policy isolates the pods it selects in exactly those directions, and allows what those rules match.
 */
record Policy(String namespace, String name, LabelSelector podSelector, Map<Direction, List<Rule>> rules) {

    Policy {
        rules = Map.copyOf(rules);
    }

    /** {@code namespace/name}, the form explanations and verdicts use. */
    String id() {
        return namespace + "/" + name;
    }

    /** Whether this policy isolates {@code pod} in {@code direction}. */
    boolean isolates(Pod pod, Direction direction) {
        return rules.containsKey(direction) && pod.namespace().equals(namespace) && podSelector.matches(pod.labels());
    }

    /** Whether one of this policy's rules for {@code direction} matches the flow; see {@link Rule#matches}. */
    boolean allows(Direction direction, Endpoint peer, Endpoint destination, int port, Protocol protocol,
                   Function<String, Map<String, String>> namespaceLabels) {
        for (Rule rule : rules.getOrDefault(direction, List.of())) {
            if (rule.matches(peer, destination, port, protocol, namespaceLabels)) {
                return true;
            }
        }
        return false;
    }
}
