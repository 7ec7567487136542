package dev.bulkhead.check;

import dev.bulkhead.check.Probe.Kind;
import dev.bulkhead.intent.Intent;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.netpol.CandidateIndex;
import dev.bulkhead.netpol.Endpoint;
import dev.bulkhead.netpol.NetworkPolicyEvaluator;
import dev.bulkhead.netpol.Protocol;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole connectivity matrix of a render over its {@link ProbeSet}, on every port any NetworkPolicy names plus
 * the common ones. Pairs are not tried one by one: a {@link CandidateIndex} names, per source, the destinations
 * some policy could let it reach, and only those are decided, by the same {@link Reachability} that answers
 * {@code reach} (NetworkPolicies, then the mesh). The work grows with the policies that apply, not with the square
 * of the endpoints. Every allowed flow that touches a project or the egress waypoint is matched to the config's
 * declared flows ({@link Declarations}); the others are violations.
 */
public final class Connectivity {

    static final String INTERNET_ADDRESS = Reachability.OUTSIDE_ADDRESS;
    static final List<Integer> COMMON_PORTS = List.of(22, 53, 80, 443, 5432, 8080, 15008);
    static final String ALLOW_ANY_ANNOTATION = Labels.ALLOW_ANY;

    private final List<Probe> probes;
    private final List<Integer> ports;
    private final List<AllowedFlow> allowed;
    private final List<AllowedFlow> meshDenied;
    private final long work;

    private Connectivity(List<Probe> probes, List<Integer> ports, List<AllowedFlow> allowed,
                         List<AllowedFlow> meshDenied, long work) {
        this.probes = List.copyOf(probes);
        this.ports = ports;
        this.allowed = List.copyOf(allowed);
        this.meshDenied = List.copyOf(meshDenied);
        this.work = work;
    }

    public static Connectivity of(RenderView view) {
        Intent intent = view.intent().orElseThrow(() -> new IllegalStateException(
                "the connectivity matrix needs the config's declared flows (" + Intent.FILE + ")"));
        NetworkPolicyEvaluator evaluator = view.evaluator();
        Reachability reachability = new Reachability(view);
        long before = evaluator.policyEvaluations() + reachability.mesh().ruleEvaluations();
        Declarations declarations = new Declarations(intent);
        List<Probe> probes = ProbeSet.of(view, declarations);
        Set<Integer> ports = new TreeSet<>(COMMON_PORTS);
        for (RenderedResource policy : view.ofType(RenderView.NETWORK_POLICY)) {
            ports.addAll(PolicyContents.numbers(policy));
        }
        List<Endpoint> endpoints = probes.stream().map(Probe::endpoint).toList();
        CandidateIndex index = evaluator.candidates(endpoints);
        List<AllowedFlow> allowed = new ArrayList<>();
        List<AllowedFlow> meshDenied = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe from = probes.get(i);
            for (int j : index.candidates(i)) {
                Probe to = probes.get(j);
                if (!considered(from, to)) {
                    continue;
                }
                for (int port : ports) {
                    for (Protocol protocol : PROTOCOLS) {
                        if (!probed(port, protocol) || !evaluator.allows(from.endpoint(), to.endpoint(), port, protocol)) {
                            continue;
                        }
                        Leg leg = reachability.direct(from.party(), to.party(), port, protocol, Optional.empty());
                        (leg.allowed() ? allowed : meshDenied).add(new AllowedFlow(from, to, port, protocol, leg,
                                declarations.covering(from, to, port, protocol.name())));
                    }
                }
            }
        }
        long work = evaluator.policyEvaluations() + reachability.mesh().ruleEvaluations() - before;
        return new Connectivity(probes, List.copyOf(ports), allowed, meshDenied, work);
    }

    static final List<Protocol> PROTOCOLS = List.of(Protocol.TCP, Protocol.UDP);

    /**
     * Whether the matrix decides flows from {@code from} to {@code to}: one end is a pod Bulkhead's policies
     * govern, and not both are outside. Two pods of one namespace are a flow too (a workload probe stands for
     * every pod like it), so a workload probe is paired with itself.
     */
    public static boolean considered(Probe from, Probe to) {
        return (from != to || from.kind() == Kind.WORKLOAD) && (from.kind().managed() || to.kind().managed())
                && !(from.kind().external() && to.kind().external());
    }

    /** Whether the matrix probes {@code port} over {@code protocol}: every port over TCP, DNS over UDP too. */
    public static boolean probed(int port, Protocol protocol) {
        return protocol == Protocol.TCP || (protocol == Protocol.UDP && port == 53);
    }

    /** The ports the matrix probes: every port a NetworkPolicy names, and the common ones. */
    public List<Integer> ports() {
        return ports;
    }

    public List<Probe> probes() {
        return probes;
    }

    /** Every allowed flow, declared or not, including those between two pods of one namespace. */
    public List<AllowedFlow> allowed() {
        return allowed;
    }

    public List<AllowedFlow> undeclared() {
        return allowed.stream().filter(f -> !f.declared()).toList();
    }

    /**
     * Flows the NetworkPolicies allow and the mesh denies. Each layer must hold on its own, so one of these that
     * config did not declare is a violation too: the mesh is all that stands in its way.
     */
    public List<AllowedFlow> meshDenied() {
        return meshDenied;
    }

    /** Policy rules matched to compute the matrix: its cost, which tests hold to linear growth. */
    public long work() {
        return work;
    }

    /** The groups in matrix order: projects (sorted), then platform, then internet. */
    public List<String> groups() {
        Set<String> groups = new TreeSet<>();
        probes.forEach(p -> groups.add(p.group()));
        groups.remove(Probe.PLATFORM);
        groups.remove(Probe.INTERNET);
        List<String> out = new ArrayList<>(groups);
        out.add(Probe.PLATFORM);
        out.add(Probe.INTERNET);
        return out;
    }
}
