package dev.bulkhead.check;

import dev.bulkhead.check.Rule.Violation;
import dev.bulkhead.isolation.AllowDns;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import static dev.bulkhead.check.Severity.ERROR;
import static dev.bulkhead.check.Severity.WARNING;

/** Every project namespace is a sealed compartment, and no policy anywhere opens a door to everyone. */
final class IsolationRules {

    static final String PEER_AUTHENTICATION = "PeerAuthentication";
    static final String AUTHORIZATION_POLICY = "AuthorizationPolicy";
    static final String SERVICE_ACCOUNT_PATCH = "ServiceAccountPatch";
    static final List<String> POD_SECURITY_MODES = List.of("enforce", "audit", "warn");
    static final List<String> USER_RBAC_KINDS = List.of("ServiceAccount", "Role", "RoleBinding");

    private IsolationRules() {
    }

    static List<Rule> rules() {
        return List.of(
                perNamespace("isolation.default-deny",
                        "every project namespace has a NetworkPolicy that selects all pods, isolates Ingress and Egress "
                                + "and allows nothing",
                        "restore the namespace's default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress, "
                                + "Egress], no rules)",
                        "no default-deny NetworkPolicy in both directions",
                        (ns, view) -> view.kind("NetworkPolicy", ns).stream().anyMatch(IsolationRules::isDefaultDeny)),
                perNamespace("isolation.strict-mtls",
                        "every project namespace has a namespace-wide PeerAuthentication with mTLS STRICT",
                        "restore the namespace's PeerAuthentication {mtls: {mode: STRICT}} without a selector",
                        "no namespace-wide STRICT PeerAuthentication",
                        (ns, view) -> view.kind(PEER_AUTHENTICATION, ns).stream().map(RenderView::spec)
                                .anyMatch(s -> s.get("selector") == null
                                        && "STRICT".equals(Plain.at(s, "mtls.mode")))),
                perNamespace("isolation.allow-nothing",
                        "every project namespace has the allow-nothing AuthorizationPolicy (an empty spec), so only "
                                + "explicit ALLOW rules admit a connection",
                        "restore the namespace's AuthorizationPolicy with an empty spec",
                        "no allow-nothing AuthorizationPolicy baseline",
                        (ns, view) -> view.kind(AUTHORIZATION_POLICY, ns).stream()
                                .anyMatch(p -> RenderView.spec(p).isEmpty())),
                perNamespace("isolation.pod-security",
                        "every project namespace enforces, audits and warns at Pod Security level restricted",
                        "label the namespace pod-security.kubernetes.io/{enforce,audit,warn}=restricted",
                        "Pod Security is not restricted in every mode",
                        (ns, view) -> {
                            Map<String, String> labels = view.namespaceLabels().get(ns);
                            return POD_SECURITY_MODES.stream().allMatch(mode ->
                                    "restricted".equals(labels.get("pod-security.kubernetes.io/" + mode)));
                        }),
                perNamespace("isolation.default-token",
                        "every project namespace's default ServiceAccount does not mount its token",
                        "patch the default ServiceAccount with automountServiceAccountToken: false",
                        "the default ServiceAccount still mounts its token",
                        (ns, view) -> view.kind(SERVICE_ACCOUNT_PATCH, ns).stream()
                                .filter(p -> "default".equals(RenderView.name(p)))
                                .anyMatch(p -> Boolean.FALSE.equals(p.inputs().get("automountServiceAccountToken")))),
                new Rule("isolation.no-user-rbac", "isolation", ERROR,
                        "no ServiceAccount or Role is created in project namespaces except an app's own token-less "
                                + "ServiceAccount, which its pods run as, and no RoleBinding there binds an app's identity "
                                + "(only people's groups and the operator's workspaces)",
                        "remove the object; an app's identity is its token-less ServiceAccount, with no RBAC",
                        IsolationRules::userRbac),
                new Rule("isolation.open-peer", "isolation", ERROR,
                        "no NetworkPolicy rule admits every namespace (namespaceSelector {}) or every peer (a rule "
                                + "without from/to), and no policy's address blocks together admit more than a /8 of "
                                + "public IPv4 space (0.0.0.0/0, or 0.0.0.0/1 with 128.0.0.0/1), whatever its "
                                + "labels, unless config allowed it explicitly",
                        "select namespaces by label and addresses by their exact CIDR; to open all of IPv4 on purpose, "
                                + "set allowAny: true on the egress entry",
                        view -> openPeers(view, false)),
                new Rule("isolation.allow-any", "isolation", WARNING,
                        "egress to every IPv4 address that config allowed explicitly (allowAny: true) is reported",
                        "replace the 0.0.0.0/0 egress entry with the exact networks when you know them",
                        view -> openPeers(view, true)));
    }

    private static Rule perNamespace(String id, String demands, String fix, String message,
                                     BiPredicate<String, RenderView> holds) {
        return new Rule(id, "isolation", ERROR, demands, fix, view -> {
            List<Violation> out = new ArrayList<>();
            for (String ns : view.projectNamespaces().keySet()) {
                if (!holds.test(ns, view)) {
                    out.add(new Violation(ns + " (Namespace)", message));
                }
            }
            return out;
        });
    }

    private static boolean isDefaultDeny(RenderedResource policy) {
        Map<String, Object> spec = RenderView.spec(policy);
        return Plain.map(spec.get("podSelector")).isEmpty()
                && Plain.strings(spec.get("policyTypes")).containsAll(List.of("Ingress", "Egress"))
                && Plain.list(spec.get("ingress")).isEmpty() && Plain.list(spec.get("egress")).isEmpty();
    }

    private static List<Violation> userRbac(RenderView view) {
        var projects = view.projectNamespaces();
        java.util.Set<String> podAccounts = new java.util.HashSet<>();
        for (PodTemplates.Template t : view.podTemplates()) {
            if (t.spec().get("serviceAccountName") instanceof String account) {
                podAccounts.add(t.namespace() + "/" + account);
            }
        }
        List<Violation> out = new ArrayList<>();
        for (RenderedResource r : view.resources()) {
            String kind = r.type().substring(r.type().lastIndexOf(':') + 1);
            boolean userKind = r.type().startsWith("kubernetes:") && USER_RBAC_KINDS.contains(kind);
            if (userKind && RenderView.namespace(r).map(projects::containsKey).orElse(false)
                    && !appIdentity(podAccounts, r) && !(kind.equals("RoleBinding") && bindsNoApp(r, projects))) {
                out.add(new Violation(RenderView.describe(r), kind + " in project namespace "
                        + RenderView.namespace(r).orElseThrow()));
            }
        }
        return out;
    }

    /**
     * An app's own ServiceAccount: token-less and what a rendered pod of its namespace runs as
     * ({@code podAccounts}: {@code namespace/account} of every pod template).
     */
    private static boolean appIdentity(java.util.Set<String> podAccounts, RenderedResource r) {
        return r.type().endsWith(":ServiceAccount")
                && Boolean.FALSE.equals(r.inputs().get("automountServiceAccountToken"))
                && podAccounts.contains(RenderView.namespace(r).orElse("") + "/" + RenderView.name(r));
    }

    /** Whether every subject of a RoleBinding is a person's user or group, or a ServiceAccount outside projects. */
    private static boolean bindsNoApp(RenderedResource binding, Map<String, String> projectNamespaces) {
        List<Object> subjects = Plain.list(binding.inputs().get("subjects"));
        return subjects.stream().map(Plain::map).allMatch(s -> switch (String.valueOf(s.get("kind"))) {
            case "User" -> true;
            case "Group" -> !String.valueOf(s.get("name")).startsWith("system:");
            case "ServiceAccount" -> !projectNamespaces.containsKey(String.valueOf(s.get("namespace")));
            default -> false;
        });
    }

    /**
     * The cluster DNS serves every pod: a policy of kube-system selecting exactly the DNS pods may admit every
     * namespace, on port 53 only.
     */
    private static boolean clusterDnsIngress(RenderedResource policy, Map.Entry<String, Map<String, Object>> rule) {
        Map<String, Object> selector = Plain.map(RenderView.spec(policy).get("podSelector"));
        boolean dnsPods = AllowDns.DNS_NAMESPACE.equals(RenderView.namespace(policy).orElse(""))
                && Plain.map(selector.get("matchLabels")).equals(AllowDns.DNS_POD_LABELS)
                && Plain.list(selector.get("matchExpressions")).isEmpty();
        List<Object> ports = Plain.list(rule.getValue().get("ports"));
        return dnsPods && rule.getKey().equals("ingress") && !ports.isEmpty() && ports.stream()
                .allMatch(p -> String.valueOf(AllowDns.DNS_PORT).equals(Plain.integer(Plain.map(p).get("port")))
                        && Plain.map(p).get("endPort") == null);
    }

    /**
     * With {@code reportAllowed} false: open peers that config did not allow (errors). With it true: the 0.0.0.0/0
     * peers config allowed with {@code allowAny} (warnings). The egress waypoint's way out is neither: it is the
     * one exit, held to its entries' ports and cut off from the cluster's ranges.
     */
    private static List<Violation> openPeers(RenderView view, boolean reportAllowed) {
        java.util.Set<String> egressNamespaces = new java.util.HashSet<>(view.namespacesWithRole(Labels.ROLE_EGRESS));
        List<Violation> out = new ArrayList<>();
        for (RenderedResource policy : view.ofType(RenderView.NETWORK_POLICY)) {
            boolean allowAny = "true".equals(RenderView.annotations(policy).get(Connectivity.ALLOW_ANY_ANNOTATION));
            boolean exit = RenderView.namespace(policy).map(egressNamespaces::contains).orElse(false);
            for (var rule : PolicyContents.rules(policy)) {
                List<Map<String, Object>> peers = PolicyContents.peers(rule);
                if (peers.isEmpty() && !reportAllowed) {
                    out.add(new Violation(RenderView.describe(policy), "an " + rule.getKey()
                            + " rule without peers admits every pod and address"));
                }
                for (Map<String, Object> peer : peers) {
                    if (peer.containsKey("namespaceSelector") && isEmptySelector(peer.get("namespaceSelector"))
                            && !reportAllowed && !clusterDnsIngress(policy, rule)) {
                        out.add(new Violation(RenderView.describe(policy), "an " + rule.getKey()
                                + " peer selects every namespace (namespaceSelector {})"));
                    }
                }
            }
            long span = exit ? 0 : PublicSpan.of(policy);
            if (span > PublicSpan.OPEN && allowAny == reportAllowed) {
                out.add(new Violation(RenderView.describe(policy), "its ipBlocks admit " + span + " public IPv4 "
                        + "addresses, more than a /8: open to the internet" + (allowAny
                        ? " (allowed by config: allowAny)" : "")));
            }
        }
        return out;
    }

    private static boolean isEmptySelector(Object selector) {
        Map<String, Object> s = Plain.map(selector);
        return Plain.map(s.get("matchLabels")).isEmpty() && Plain.list(s.get("matchExpressions")).isEmpty();
    }
}
