package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.naming.Labels;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Building blocks of the generated NetworkPolicies. They refuse the two peers that would open a compartment to the
 * whole cluster or the internet: a namespace selector without labels (every namespace) and an address block of
 * prefix length 0.
 */
public final class NetworkPolicyParts {

    public static final String API_VERSION = "networking.k8s.io/v1";
    public static final String KIND = "NetworkPolicy";
    public static final String INGRESS = "Ingress";
    public static final String EGRESS = "Egress";
    public static final String ANY_IPV4 = "0.0.0.0/0";

    private NetworkPolicyParts() {
    }

    /** A NetworkPolicy of the compartment's namespace, labelled like everything generated for it. */
    public static Manifest policy(Compartment compartment, String name, Map<String, Object> spec) {
        return policy(compartment.namespace(), compartment.labels(), name, spec);
    }

    /** A NetworkPolicy of {@code namespace} with {@code labels}. */
    public static Manifest policy(String namespace, Map<String, String> labels, String name, Map<String, Object> spec) {
        return Manifest.namespaced(API_VERSION, KIND, namespace, name, labels, spec);
    }

    /**
     * Every IPv4 address but {@code except}. Only two callers may use it: the egress waypoint (the cluster's one way
     * out, held to its entries' ports) and a project CIDR rule whose config says {@code allowAny: true}.
     */
    public static Map<String, Object> anyAddressExcept(List<String> except) {
        return except.isEmpty() ? Map.of("ipBlock", Map.of("cidr", ANY_IPV4))
                : Map.of("ipBlock", Map.of("cidr", ANY_IPV4, "except", List.copyOf(except)));
    }

    /** Selects every pod of the policy's namespace. */
    public static Map<String, Object> allPods() {
        return Map.of();
    }

    /**
     * The pods the project-wide policies apply to: every pod of the namespace except those of an app whose callers
     * are narrowed ({@link Labels#TRUST}) and the mesh proxies Istio deploys ({@link Ambient#PROXY_POD_LABEL}: a
     * waypoint). NetworkPolicies add up, so a policy admitting every project pod to those would undo their own,
     * narrower policies; those pods get exactly what they need from the policies that select them by name.
     */
    public static Map<String, Object> projectWidePods() {
        return Map.of("matchExpressions", List.of(
                Map.of("key", Labels.TRUST, "operator", "DoesNotExist"),
                Map.of("key", Ambient.PROXY_POD_LABEL, "operator", "DoesNotExist")));
    }

    /**
     * Every pod of the namespace but the mesh proxies Istio deploys into it (a waypoint): what the namespace's ways out
     * select, so that a waypoint reaches only what its own policies and istiod's admit.
     */
    public static Map<String, Object> workloadPods() {
        return Map.of("matchExpressions", List.of(
                Map.of("key", Ambient.PROXY_POD_LABEL, "operator", "DoesNotExist")));
    }

    /** A label selector with exactly these labels. */
    public static Map<String, Object> matchLabels(Map<String, String> labels) {
        return Map.of("matchLabels", labels);
    }

    /** Every pod of every namespace carrying {@code namespaceLabels}; they must not be empty. */
    public static Map<String, Object> namespaces(Map<String, String> namespaceLabels) {
        return Map.of("namespaceSelector", matchLabels(nonEmpty(namespaceLabels)));
    }

    /**
     * Every pod of the namespaces carrying {@code namespaceLabels} except a project's gateway namespace
     * ({@link Labels#ROLE} {@code =} {@link Labels#ROLE_GATEWAY}): the gateway carries the project label too, but it
     * is the project's edge, admitted only on the ports it routes to, never on every port.
     */
    public static Map<String, Object> appNamespaces(Map<String, String> namespaceLabels) {
        return Map.of("namespaceSelector", Map.of(
                "matchLabels", nonEmpty(namespaceLabels),
                "matchExpressions", List.of(Map.of(
                        "key", Labels.ROLE, "operator", "NotIn", "values", List.of(Labels.ROLE_GATEWAY)))));
    }

    /** The pods labelled {@code podLabels} in the namespace called {@code namespace}. */
    public static Map<String, Object> podsIn(String namespace, Map<String, String> podLabels) {
        return Map.of(
                "namespaceSelector", matchLabels(Map.of(Labels.NAMESPACE_NAME, namespace)),
                "podSelector", matchLabels(nonEmpty(podLabels)));
    }

    /** An IPv4 block; a block of prefix length 0 (the whole internet) is refused. */
    public static Map<String, Object> ipBlock(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || !cidr.substring(slash + 1).matches("[0-9]{1,2}")
                || Integer.parseInt(cidr.substring(slash + 1)) == 0) {
            throw new IllegalArgumentException("not a narrow IPv4 block: '" + cidr + "'");
        }
        return Map.of("ipBlock", Map.of("cidr", cidr));
    }

    /** {@link #ipBlock(String)} without the addresses of {@code except}, each inside {@code cidr}. */
    public static Map<String, Object> ipBlock(String cidr, List<String> except) {
        Map<String, Object> block = ipBlock(cidr);
        if (except.isEmpty()) {
            return block;
        }
        Map<String, Object> ipBlock = new TreeMap<>();
        ipBlock.put("cidr", cidr);
        ipBlock.put("except", List.copyOf(except));
        return Map.of("ipBlock", ipBlock);
    }

    public static Map<String, Object> tcp(int port) {
        return Map.of("protocol", "TCP", "port", port);
    }

    public static Map<String, Object> udp(int port) {
        return Map.of("protocol", "UDP", "port", port);
    }

    /** An ingress rule admitting {@code peers} on {@code ports}, or on every port when {@code ports} is empty. */
    public static Map<String, Object> from(List<Map<String, Object>> peers, List<Map<String, Object>> ports) {
        return rule("from", peers, ports);
    }

    /** An egress rule to {@code peers} on {@code ports}, or on every port when {@code ports} is empty. */
    public static Map<String, Object> to(List<Map<String, Object>> peers, List<Map<String, Object>> ports) {
        return rule("to", peers, ports);
    }

    private static Map<String, Object> rule(String direction, List<Map<String, Object>> peers,
                                            List<Map<String, Object>> ports) {
        // A rule without peers matches every source or destination, the internet included.
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("a NetworkPolicy rule needs at least one peer");
        }
        return ports.isEmpty() ? Map.of(direction, peers) : Map.of(direction, peers, "ports", ports);
    }

    private static Map<String, String> nonEmpty(Map<String, String> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("an empty selector here would select everything");
        }
        return labels;
    }
}
