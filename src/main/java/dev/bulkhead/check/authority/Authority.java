package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * Who can write the perimeter, computed from a render alone: for every tenant identity ({@link Identities}) and
 * every project namespace, each {@link Probes probe} is judged by RBAC ({@link Rbac}) and by admission
 * ({@link Admission}). A write happens when both let it through; each layer is also judged on its own, because
 * each must hold should the other ever be wrong. Also answers, for any object, whether an identity may write it.
 */
public final class Authority {

    private static final Map<RenderView, Authority> COMPUTED = Collections.synchronizedMap(new WeakHashMap<>());
    private static final List<String> ESCALATIONS = List.of("bind", "escalate", "impersonate");
    private static final List<String> WRITE_VERBS = List.of("create", "update", "patch", "delete", "deletecollection",
            "*");
    /** What a workspace creates to check the operator's calls, which stores nothing. */
    private static final List<String> REVIEWS = List.of("tokenreviews", "subjectaccessreviews");

    private final Identities identities;
    private final Rbac rbac;
    private final Admission admission;
    private final List<IdentityAuthority> tenants;
    private final List<WorkspaceScope> workspaceScopes;
    /** Per namespace, the ServiceAccounts its pods could run as. */
    private final Map<String, List<String>> serviceAccounts;
    /** Every probe of every project namespace, namespace by namespace, and the namespace of each. */
    private final List<Probe> probes = new ArrayList<>();
    private final List<String> probeNamespaces = new ArrayList<>();
    /** The probes' indexes by the namespace RBAC judges them in. */
    private final Map<String, BitSet> probesByScope = new HashMap<>();
    /** Per observation of the guards ({@link Admission#observe}), the probes admission admits. */
    private final Map<List<Object>, BitSet> admittedByObservation = new HashMap<>();
    /** Per set of observations, the "admitted" lines of an identity seen that way. */
    private final Map<Set<List<Object>>, List<String>> admittedLines = new HashMap<>();
    /** Per rule of a cluster-wide grant, the probes it could let through. */
    private final Map<RbacRule, BitSet> clusterRuleReach = new HashMap<>();

    private Authority(RenderView view) {
        this.identities = Identities.of(view);
        this.rbac = new Rbac(view);
        this.admission = new Admission(view);
        this.serviceAccounts = Identities.serviceAccountNames(view);
        for (String namespace : view.projectNamespaces().keySet()) {
            for (Probe probe : Probes.of(view, namespace)) {
                probesByScope.computeIfAbsent(scope(probe.request()), s -> new BitSet()).set(probes.size());
                probes.add(probe);
                probeNamespaces.add(namespace);
            }
        }
        List<IdentityAuthority> out = new ArrayList<>();
        for (Identity identity : identities.tenants()) {
            out.add(judge(identity));
        }
        this.tenants = List.copyOf(out);
        Map<String, List<String>> tenantNamespaces = new HashMap<>();
        view.projectNamespaces().forEach((namespace, owner) -> {
            if (view.namespaceLabels().getOrDefault(namespace, Map.of()).get(RenderView.ROLE_LABEL) == null) {
                tenantNamespaces.computeIfAbsent(owner, o -> new ArrayList<>()).add(namespace);
            }
        });
        List<WorkspaceScope> scopes = new ArrayList<>();
        for (Identity identity : identities.tenants()) {
            if (identity.kind() == Identity.Kind.WORKSPACE) {
                scopes.add(scope(identity, tenantNamespaces));
            }
        }
        this.workspaceScopes = List.copyOf(scopes);
    }

    /** The authority of {@code view}, computed once per view. */
    public static Authority of(RenderView view) {
        synchronized (COMPUTED) {
            return COMPUTED.computeIfAbsent(view, Authority::new);
        }
    }

    public Identities identities() {
        return identities;
    }

    /** Every tenant identity and what it can do, in {@link Identities} order. */
    public List<IdentityAuthority> tenants() {
        return tenants;
    }

    /** Where each operator workspace may write, in {@link Identities} order. */
    public List<WorkspaceScope> workspaceScopes() {
        return workspaceScopes;
    }

    /** How many requests admission has judged for this authority: its work, which grows with the probes only. */
    public long admissionDecisions() {
        return admission.decisions();
    }

    /** What RBAC grants for {@code verb} on the request's object, as "via" descriptions. */
    public List<String> rbac(AdmissionRequest request, String verb) {
        return rbac.allowing(request.identity(), verb, request.group(), request.resource(), scope(request),
                request.name());
    }

    /** What admission does with the request. */
    public AdmissionDecision admission(AdmissionRequest request) {
        // a namespace's pods may run as any of its ServiceAccounts: admitted if admitted for one of them
        AdmissionDecision last = null;
        for (Identity as : accounts(request.identity())) {
            last = admission.decide(request.as(as));
            if (last.admitted()) {
                return last;
            }
        }
        return last;
    }

    /** The namespace RBAC judges a request in: its own, a Namespace's name, or null for the cluster. */
    private static String scope(AdmissionRequest request) {
        return request.namespace() != null ? request.namespace()
                : request.resource().equals("namespaces") ? request.name() : null;
    }

    /** Who {@code identity}'s requests may come from: itself, or for a namespace's pods each of its accounts. */
    private List<Identity> accounts(Identity identity) {
        String namespace = identity.serviceAccountsOf();
        if (namespace == null) {
            return List.of(identity);
        }
        List<Identity> out = new ArrayList<>();
        for (String account : serviceAccounts.getOrDefault(namespace, List.of("default"))) {
            out.add(new Identity(identity.kind(), identity.name(),
                    Identity.SERVICE_ACCOUNT_PREFIX + namespace + ":" + account, identity.groups(), namespace, null));
        }
        return out;
    }

    /**
     * What {@code identity} can do. Admission alone is judged once per {@link Admission#observe observation}: every
     * identity the guards see alike gets the same decisions, so the developers of a hundred projects cost one
     * identity's probes, not a hundred. RBAC is judged only where the identity holds a grant (the namespaces of
     * its RoleBindings and namespaced access policies, and for each cluster-wide rule the probes it could allow):
     * elsewhere RBAC refuses every probe, so neither "writes" nor "granted" can hold there.
     */
    private IdentityAuthority judge(Identity identity) {
        Set<List<Object>> seen = new LinkedHashSet<>();
        BitSet admits = new BitSet();
        for (Identity as : accounts(identity)) {
            List<Object> observation = admission.observe(as);
            seen.add(observation);
            admits.or(admittedByObservation.computeIfAbsent(observation, o -> admitted(as)));
        }
        List<String> admitted = admittedLines.computeIfAbsent(seen, s -> admittedLines(admits));
        List<Permission> permissions = rbac.permissions(identity);
        BitSet reach = new BitSet();
        for (Permission permission : permissions) {
            if (permission.namespace() == null) {
                reach.or(clusterRuleReach.computeIfAbsent(permission.rule(), this::reach));
            } else {
                reach.or(probesByScope.getOrDefault(permission.namespace(), new BitSet()));
            }
        }
        Map<String, TreeSet<String>> writes = new LinkedHashMap<>();
        Map<String, TreeSet<String>> granted = new LinkedHashMap<>();
        TreeSet<String> writeGrants = new TreeSet<>();
        TreeSet<String> perimeterGrants = new TreeSet<>();
        for (int i = reach.nextSetBit(0); i >= 0; i = reach.nextSetBit(i + 1)) {
            Probe probe = probes.get(i);
            String namespace = probeNamespaces.get(i);
            AdmissionRequest request = probe.request().as(identity);
            List<String> via = rbac(request, probe.verb());
            if (via.isEmpty() && probe.verb().equals("update")) {
                via = rbac(request, "patch");
            }
            if (!via.isEmpty() && admits.get(i)) {
                add(writes, probe.what(), namespace);
                writeGrants.addAll(via);
            }
            if (!via.isEmpty() && probe.perimeter()) {
                add(granted, probe.what(), namespace);
                perimeterGrants.addAll(via);
            }
        }
        for (Permission permission : permissions) {
            for (String verb : ESCALATIONS) {
                if (permission.rule().verbs().contains(verb) || permission.rule().verbs().contains("*")) {
                    add(granted, verb, permission.namespace() == null ? "the whole cluster" : permission.namespace());
                    perimeterGrants.add(permission.via() + ": " + permission.rule());
                }
            }
        }
        return new IdentityAuthority(identity, lines(writes, writeGrants), lines(granted, perimeterGrants), admitted);
    }

    /** The probes admission admits from {@code as}. */
    private BitSet admitted(Identity as) {
        BitSet out = new BitSet(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            if (admission.decide(probes.get(i).request().as(as)).admitted()) {
                out.set(i);
            }
        }
        return out;
    }

    private List<String> admittedLines(BitSet admits) {
        Map<String, TreeSet<String>> admitted = new LinkedHashMap<>();
        for (int i = admits.nextSetBit(0); i >= 0; i = admits.nextSetBit(i + 1)) {
            add(admitted, probes.get(i).what(), probeNamespaces.get(i));
        }
        return lines(admitted, new TreeSet<>());
    }

    /** The probes a cluster-wide grant of {@code rule} could let through (an update also by patch). */
    private BitSet reach(RbacRule rule) {
        BitSet out = new BitSet(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            AdmissionRequest r = probes.get(i).request();
            String verb = probes.get(i).verb();
            if (rule.allows(verb, r.group(), r.resource(), r.name())
                    || verb.equals("update") && rule.allows("patch", r.group(), r.resource(), r.name())) {
                out.set(i);
            }
        }
        return out;
    }

    private WorkspaceScope scope(Identity workspace, Map<String, List<String>> tenantNamespaces) {
        String project = identities.projectOf(workspace).orElse(null);
        List<String> own = tenantNamespaces.getOrDefault(project, List.of());
        TreeSet<String> writesIn = new TreeSet<>();
        TreeSet<String> outside = new TreeSet<>();
        for (Permission permission : rbac.permissions(workspace)) {
            RbacRule rule = permission.rule();
            boolean writes = rule.verbs().stream().anyMatch(WRITE_VERBS::contains);
            if (!writes || REVIEWS.containsAll(rule.resources())) {
                continue;
            }
            String where = permission.namespace() == null ? WorkspaceScope.CLUSTER : permission.namespace();
            writesIn.add(where);
            if (!own.contains(where)) {
                outside.add(where + " (" + permission.via() + ": " + rule + ")");
            }
        }
        return new WorkspaceScope(workspace, project, own, List.copyOf(writesIn), List.copyOf(outside));
    }

    private static void add(Map<String, TreeSet<String>> into, String what, String where) {
        into.computeIfAbsent(what, k -> new TreeSet<>()).add(where);
    }

    /** One line per write with the namespaces it reaches, then, if any, what grants them. */
    private static List<String> lines(Map<String, TreeSet<String>> grouped, TreeSet<String> grants) {
        List<String> out = new ArrayList<>();
        grouped.forEach((what, where) -> out.add(what + " in " + String.join(", ", where)));
        if (!out.isEmpty() && !grants.isEmpty()) {
            out.add("granted by " + String.join(" and ", grants));
        }
        return out;
    }
}
