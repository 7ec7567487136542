package dev.bulkhead.netpol;

import dev.bulkhead.netpol.Endpoint.Pod;
import dev.bulkhead.netpol.LabelSelector.Operator;
import dev.bulkhead.netpol.LabelSelector.Requirement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * For each source among a fixed list of endpoints, the destinations that some policy could let it reach: a
 * superset of the allowed pairs, found through indexes instead of by trying every pair. A source isolated in
 * egress can only reach what its egress rules' peers select, looked up by the labels those peers name. A source
 * that is not isolated (an outside address, a platform pod without policies, the node) reaches the destinations
 * that are not isolated in ingress, plus those whose ingress rules name it, found through an index of every
 * ingress peer by the namespace or label it requires. The cost is proportional to the rules that apply, not to
 * the number of endpoints squared; every candidate still has to pass {@link NetworkPolicyEvaluator#evaluate}.
 */
public final class CandidateIndex {

    private final List<Endpoint> endpoints;
    private final Function<String, Map<String, String>> labelsOf;
    private final List<List<Policy>> egress = new ArrayList<>();
    private final Map<String, List<Integer>> podsByNamespace = new LinkedHashMap<>();
    private final Map<String, Set<String>> namespacesByLabel = new HashMap<>();
    private final List<Integer> addressed = new ArrayList<>();
    private final BitSet openIngress = new BitSet();
    /** Ingress peers by the key a source must have to match: {@code ns:<name>} or {@code label:<key>=<value>}. */
    private final Map<String, List<PolicyPeer>> ingressPeersByKey = new HashMap<>();
    /** Ingress peers that require no particular namespace or label (only NotIn, Exists, DoesNotExist). */
    private final List<PolicyPeer> ingressPeersAnywhere = new ArrayList<>();
    /** Ingress ipBlock peers, deduplicated by block: most are the same few ranges in every namespace. */
    private final Map<Peer.IpBlock, List<Policy>> ingressBlocks = new LinkedHashMap<>();
    /** Policies with an ingress rule without peers: every source matches. */
    private final List<Policy> ingressFromAnywhere = new ArrayList<>();
    private final Map<Peer, int[]> resolved = new IdentityHashMap<>();
    private final Map<Policy, int[]> selected = new IdentityHashMap<>();

    CandidateIndex(List<Endpoint> endpoints, Map<String, List<Policy>> policiesByNamespace,
                   BiFunction<Endpoint, Direction, List<Policy>> isolating,
                   Function<String, Map<String, String>> labelsOf) {
        this.endpoints = endpoints;
        this.labelsOf = labelsOf;
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            egress.add(isolating.apply(endpoint, Direction.EGRESS));
            if (endpoint instanceof Pod pod) {
                podsByNamespace.computeIfAbsent(pod.namespace(), ns -> new ArrayList<>()).add(i);
                if (pod.ip().isPresent()) {
                    addressed.add(i);
                }
                if (isolating.apply(endpoint, Direction.INGRESS).isEmpty()) {
                    openIngress.set(i);
                }
            } else {
                if (endpoint instanceof Endpoint.External) {
                    addressed.add(i);
                }
                openIngress.set(i);
            }
        }
        podsByNamespace.keySet().forEach(ns -> labelsOf.apply(ns).forEach((key, value) ->
                namespacesByLabel.computeIfAbsent(key + "=" + value, k -> new TreeSet<>()).add(ns)));
        for (List<Policy> policies : policiesByNamespace.values()) {
            for (Policy policy : policies) {
                indexIngress(policy);
            }
        }
    }

    public int size() {
        return endpoints.size();
    }

    /** The positions of the destinations {@code from} may reach through some rule, ascending. */
    public int[] candidates(int from) {
        Endpoint source = endpoints.get(from);
        BitSet out = new BitSet(endpoints.size());
        List<Policy> isolating = egress.get(from);
        if (source instanceof Endpoint.Node) {
            // every pod by the node-local rule; no policy governs the node's traffic to anything else
            out.set(0, endpoints.size());
        } else if (!isolating.isEmpty()) {
            for (Policy policy : isolating) {
                for (Rule rule : policy.rules().getOrDefault(Direction.EGRESS, List.of())) {
                    if (rule.peers().isEmpty()) {
                        out.set(0, endpoints.size());
                        return out.stream().toArray();
                    }
                    for (Peer peer : rule.peers()) {
                        for (int to : resolve(peer)) {
                            out.set(to);
                        }
                    }
                }
            }
        } else {
            out.or(openIngress);
            ingressFromAnywhere.forEach(policy -> setAll(out, selectedBy(policy)));
            for (PolicyPeer candidate : ingressPeersFor(source)) {
                if (candidate.peer().matches(source, labelsOf)) {
                    setAll(out, selectedBy(candidate.policy()));
                }
            }
            ingressBlocks.forEach((block, policies) -> {
                if (block.matches(source, labelsOf)) {
                    policies.forEach(policy -> setAll(out, selectedBy(policy)));
                }
            });
        }
        return out.stream().toArray();
    }

    private void indexIngress(Policy policy) {
        for (Rule rule : policy.rules().getOrDefault(Direction.INGRESS, List.of())) {
            if (rule.peers().isEmpty()) {
                ingressFromAnywhere.add(policy);
            }
            for (Peer peer : rule.peers()) {
                if (peer instanceof Peer.IpBlock block) {
                    ingressBlocks.computeIfAbsent(block, b -> new ArrayList<>()).add(policy);
                } else if (peer instanceof Peer.Pods selector) {
                    List<String> keys = keys(selector);
                    if (keys.isEmpty()) {
                        ingressPeersAnywhere.add(new PolicyPeer(policy, peer));
                    }
                    keys.forEach(key -> ingressPeersByKey.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new PolicyPeer(policy, peer)));
                }
            }
        }
    }

    /** What a source must have for {@code peer} to match it: its namespace, or one of the values of an In label. */
    private static List<String> keys(Peer.Pods peer) {
        if (peer.namespaceSelector().isEmpty()) {
            return List.of("ns:" + peer.policyNamespace());
        }
        return narrowest(peer.namespaceSelector().get()).map(r -> r.values().stream()
                .map(value -> "label:" + r.key() + "=" + value).sorted().toList()).orElse(List.of());
    }

    /** The In requirement with the fewest values, if any: a namespace must carry one of them to match. */
    private static java.util.Optional<Requirement> narrowest(LabelSelector selector) {
        return selector.requirements().stream().filter(r -> r.operator() == Operator.IN)
                .min(java.util.Comparator.comparingInt(r -> r.values().size()));
    }

    private Collection<PolicyPeer> ingressPeersFor(Endpoint source) {
        List<PolicyPeer> out = new ArrayList<>(ingressPeersAnywhere);
        if (source instanceof Pod pod) {
            out.addAll(ingressPeersByKey.getOrDefault("ns:" + pod.namespace(), List.of()));
            labelsOf.apply(pod.namespace()).forEach((key, value) ->
                    out.addAll(ingressPeersByKey.getOrDefault("label:" + key + "=" + value, List.of())));
        }
        return out;
    }

    /** The endpoints a peer selects, computed once per peer. */
    private int[] resolve(Peer peer) {
        return resolved.computeIfAbsent(peer, p -> {
            BitSet out = new BitSet(endpoints.size());
            if (p instanceof Peer.IpBlock) {
                addressed.stream().filter(i -> p.matches(endpoints.get(i), labelsOf)).forEach(out::set);
            } else if (p instanceof Peer.Pods selector) {
                for (String ns : namespaces(selector)) {
                    for (int i : podsByNamespace.getOrDefault(ns, List.of())) {
                        if (p.matches(endpoints.get(i), labelsOf)) {
                            out.set(i);
                        }
                    }
                }
            }
            return out.stream().toArray();
        });
    }

    private Collection<String> namespaces(Peer.Pods selector) {
        if (selector.namespaceSelector().isEmpty()) {
            return List.of(selector.policyNamespace());
        }
        return narrowest(selector.namespaceSelector().get()).<Collection<String>>map(r -> {
            Set<String> out = new TreeSet<>();
            r.values().forEach(value -> out.addAll(namespacesByLabel.getOrDefault(r.key() + "=" + value, Set.of())));
            return out;
        }).orElse(podsByNamespace.keySet());
    }

    /** The pods of this index that {@code policy} selects, computed once per policy. */
    private int[] selectedBy(Policy policy) {
        return selected.computeIfAbsent(policy, p -> podsByNamespace.getOrDefault(p.namespace(), List.of()).stream()
                .filter(i -> p.podSelector().matches(((Pod) endpoints.get(i)).labels()))
                .mapToInt(Integer::intValue).toArray());
    }

    private static void setAll(BitSet out, int[] positions) {
        for (int i : positions) {
            out.set(i);
        }
    }

    private record PolicyPeer(Policy policy, Peer peer) {
    }
}
