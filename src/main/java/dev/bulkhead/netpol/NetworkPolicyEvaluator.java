package dev.bulkhead.netpol;

import com.google.gson.JsonObject;
import dev.bulkhead.netpol.Endpoint.Pod;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Answers "may this flow happen?" from a set of NetworkPolicy objects, as Kubernetes would enforce them: a pod
 * selected by a policy for a direction is isolated in it and accepts only what some selecting policy's rules
 * allow; a flow needs both egress from its source and ingress at its destination. A flow from a pod's own node
 * ({@link Endpoint.Node}) is always allowed: the EKS network policy agent admits it whatever the policies say.
 * Policies are parsed and validated once, here, so evaluation is cheap; {@link #candidates} indexes them so that a
 * whole matrix need not try every pair. Instances are safe to share between threads.
 */
public final class NetworkPolicyEvaluator {

    /** The label Kubernetes puts on every namespace, holding its name. */
    public static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private final Map<String, List<Policy>> policiesByNamespace = new HashMap<>();
    private final Map<String, Map<String, String>> namespaceLabels = new ConcurrentHashMap<>();
    private final Function<String, Map<String, String>> labelsOfNamespace = this::labelsOf;
    private final LongAdder policyEvaluations = new LongAdder();

    /**
     * @param policies        NetworkPolicy objects in Kubernetes shape
     * @param namespaceLabels the labels of known namespaces; any other namespace has only its name label
     * @throws IllegalArgumentException naming the policy and field when a policy is malformed or unsupported
     */
    public NetworkPolicyEvaluator(Collection<JsonObject> policies, Map<String, Map<String, String>> namespaceLabels) {
        List<Policy> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int position = 0;
        for (JsonObject json : policies) {
            Policy policy = PolicyParser.parse(json, position++);
            if (!ids.add(policy.id())) {
                throw new IllegalArgumentException("NetworkPolicy " + policy.id() + ": defined more than once");
            }
            parsed.add(policy);
        }
        parsed.sort(Comparator.comparing(Policy::id));
        parsed.forEach(policy ->
                policiesByNamespace.computeIfAbsent(policy.namespace(), namespace -> new ArrayList<>()).add(policy));
        namespaceLabels.forEach((namespace, labels) -> {
            Map<String, String> withName = new HashMap<>(labels);
            withName.put(NAMESPACE_NAME_LABEL, namespace);
            this.namespaceLabels.put(namespace, Map.copyOf(withName));
        });
    }

    /** Whether {@code flow} may happen, and which policies decided it. */
    public Verdict evaluate(Flow flow) {
        if (flow.from() instanceof Endpoint.Node && flow.to() instanceof Pod) {
            return Verdict.fromNode(flow);
        }
        return new Verdict(flow,
                side(Direction.EGRESS, flow.from(), flow.to(), flow),
                side(Direction.INGRESS, flow.to(), flow.from(), flow));
    }

    /** {@link #evaluate}'s answer without its reasons. */
    public boolean allows(Flow flow) {
        return allows(flow.from(), flow.to(), flow.port(), flow.protocol());
    }

    /** {@link #evaluate}'s answer without its reasons, and without building a {@link Flow}. */
    public boolean allows(Endpoint from, Endpoint to, int port, Protocol protocol) {
        Flow.checkPort(port);
        if (from instanceof Endpoint.Node && to instanceof Pod) {
            return true;
        }
        return passes(isolating(from, Direction.EGRESS), Direction.EGRESS, to, to, port, protocol)
                && passes(isolating(to, Direction.INGRESS), Direction.INGRESS, from, to, port, protocol);
    }

    /** Every ordered pair of {@code endpoints} (itself included) on one port; each endpoint's policies are looked up once. */
    public ReachabilityMatrix matrix(List<? extends Endpoint> endpoints, int port, Protocol protocol) {
        Flow.checkPort(port);
        List<Endpoint> all = List.copyOf(endpoints);
        List<List<Policy>> egress = all.stream().map(endpoint -> isolating(endpoint, Direction.EGRESS)).toList();
        List<List<Policy>> ingress = all.stream().map(endpoint -> isolating(endpoint, Direction.INGRESS)).toList();
        int n = all.size();
        BitSet allowed = new BitSet(n * n);
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                Endpoint destination = all.get(to);
                if (passes(egress.get(from), Direction.EGRESS, destination, destination, port, protocol)
                        && passes(ingress.get(to), Direction.INGRESS, all.get(from), destination, port, protocol)) {
                    allowed.set(from * n + to);
                }
            }
        }
        return new ReachabilityMatrix(all, port, protocol, allowed);
    }

    /**
     * @param subject the end this direction belongs to: the source for egress, the destination for ingress
     * @param peer    the other end, which the rules' peers are matched against
     */
    private Verdict.Side side(Direction direction, Endpoint subject, Endpoint peer, Flow flow) {
        if (!(subject instanceof Pod)) {
            return Verdict.Side.NOT_APPLICABLE;
        }
        List<String> selectedBy = new ArrayList<>();
        List<String> allowedBy = new ArrayList<>();
        for (Policy policy : isolating(subject, direction)) {
            policyEvaluations.increment();
            selectedBy.add(policy.id());
            if (policy.allows(direction, peer, flow.to(), flow.port(), flow.protocol(), labelsOfNamespace)) {
                allowedBy.add(policy.id());
            }
        }
        return new Verdict.Side(true, selectedBy, allowedBy);
    }

    /**
     * How many times a policy's rules were matched against a flow since this evaluator was built: the unit of work
     * of every evaluation, counted so that tests can prove a matrix grows linearly with the render.
     */
    public long policyEvaluations() {
        return policyEvaluations.sum();
    }

    /**
     * An index over {@code endpoints} that names, for each source, the destinations some policy could let it reach;
     * every other pair is denied without being evaluated. See {@link CandidateIndex}.
     */
    public CandidateIndex candidates(List<? extends Endpoint> endpoints) {
        return new CandidateIndex(List.copyOf(endpoints), policiesByNamespace, this::isolating, this::labelsOf);
    }

    /** The policies that isolate {@code endpoint} in {@code direction}; none for an external address. */
    List<Policy> isolating(Endpoint endpoint, Direction direction) {
        if (!(endpoint instanceof Pod pod)) {
            return List.of();
        }
        List<Policy> selecting = List.of();
        for (Policy policy : policiesByNamespace.getOrDefault(pod.namespace(), List.of())) {
            if (policy.isolates(pod, direction)) {
                if (selecting.isEmpty()) {
                    selecting = new ArrayList<>();
                }
                selecting.add(policy);
            }
        }
        return selecting;
    }

    /** Whether a direction lets the flow through, given the policies isolating its end. */
    private boolean passes(List<Policy> isolating, Direction direction, Endpoint peer, Endpoint destination,
                           int port, Protocol protocol) {
        if (isolating.isEmpty()) {
            return true;
        }
        for (Policy policy : isolating) {
            policyEvaluations.increment();
            if (policy.allows(direction, peer, destination, port, protocol, labelsOfNamespace)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> labelsOf(String namespace) {
        return namespaceLabels.computeIfAbsent(namespace, name -> Map.of(NAMESPACE_NAME_LABEL, name));
    }
}
