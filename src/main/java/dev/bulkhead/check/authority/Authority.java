package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final RenderView view;
    private final Identities identities;
    private final Rbac rbac;
    private final Admission admission;
    private final List<IdentityAuthority> tenants;
    private final List<WorkspaceScope> workspaceScopes;
    /** Per namespace, the ServiceAccounts its pods could run as. */
    private final Map<String, List<String>> serviceAccounts = new java.util.concurrent.ConcurrentHashMap<>();

    private Authority(RenderView view) {
        this.view = view;
        this.identities = Identities.of(view);
        this.rbac = new Rbac(view);
        this.admission = new Admission(view);
        Map<String, List<Probe>> probes = new LinkedHashMap<>();
        for (String namespace : view.projectNamespaces().keySet()) {
            probes.put(namespace, Probes.of(view, namespace));
        }
        List<IdentityAuthority> out = new ArrayList<>();
        for (Identity identity : identities.tenants()) {
            out.add(judge(identity, probes));
        }
        this.tenants = List.copyOf(out);
        List<WorkspaceScope> scopes = new ArrayList<>();
        for (Identity identity : identities.tenants()) {
            if (identity.kind() == Identity.Kind.WORKSPACE) {
                scopes.add(scope(identity));
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

    /** What RBAC grants for {@code verb} on the request's object, as "via" descriptions. */
    public List<String> rbac(AdmissionRequest request, String verb) {
        String scope = request.namespace() != null ? request.namespace()
                : request.resource().equals("namespaces") ? request.name() : null;
        return rbac.allowing(request.identity(), verb, request.group(), request.resource(), scope, request.name());
    }

    /** What admission does with the request. */
    public AdmissionDecision admission(AdmissionRequest request) {
        if (request.identity().serviceAccountsOf() == null) {
            return admission.decide(request);
        }
        // a namespace's pods may run as any of its ServiceAccounts: admitted if admitted for one of them
        AdmissionDecision last = null;
        String namespace = request.identity().serviceAccountsOf();
        for (String account : serviceAccounts.computeIfAbsent(namespace,
                ns -> Identities.serviceAccountNames(view, ns))) {
            Identity as = new Identity(request.identity().kind(), request.identity().name(),
                    Identity.SERVICE_ACCOUNT_PREFIX + namespace + ":" + account, request.identity().groups(),
                    namespace, null);
            last = admission.decide(request.as(as));
            if (last.admitted()) {
                return last;
            }
        }
        return last;
    }

    private IdentityAuthority judge(Identity identity, Map<String, List<Probe>> probes) {
        Map<String, TreeSet<String>> writes = new LinkedHashMap<>();
        Map<String, TreeSet<String>> granted = new LinkedHashMap<>();
        Map<String, TreeSet<String>> admitted = new LinkedHashMap<>();
        TreeSet<String> writeGrants = new TreeSet<>();
        TreeSet<String> perimeterGrants = new TreeSet<>();
        for (var entry : probes.entrySet()) {
            String namespace = entry.getKey();
            for (Probe probe : entry.getValue()) {
                AdmissionRequest request = probe.request().as(identity);
                List<String> via = rbac(request, probe.verb());
                if (via.isEmpty() && probe.verb().equals("update")) {
                    via = rbac(request, "patch");
                }
                boolean admits = admission(request).admitted();
                if (!via.isEmpty() && admits) {
                    add(writes, probe.what(), namespace);
                    writeGrants.addAll(via);
                }
                if (!via.isEmpty() && probe.perimeter()) {
                    add(granted, probe.what(), namespace);
                    perimeterGrants.addAll(via);
                }
                if (admits) {
                    add(admitted, probe.what(), namespace);
                }
            }
        }
        for (Permission permission : rbac.permissions(identity)) {
            for (String verb : ESCALATIONS) {
                if (permission.rule().verbs().contains(verb) || permission.rule().verbs().contains("*")) {
                    add(granted, verb, permission.namespace() == null ? "the whole cluster" : permission.namespace());
                    perimeterGrants.add(permission.via() + ": " + permission.rule());
                }
            }
        }
        return new IdentityAuthority(identity, lines(writes, writeGrants), lines(granted, perimeterGrants),
                lines(admitted, new TreeSet<>()));
    }

    private WorkspaceScope scope(Identity workspace) {
        String project = identities.projectOf(workspace).orElse(null);
        List<String> own = new ArrayList<>();
        view.projectNamespaces().forEach((namespace, owner) -> {
            boolean tenant = view.namespaceLabels().getOrDefault(namespace, Map.of()).get(RenderView.ROLE_LABEL) == null;
            if (owner.equals(project) && tenant) {
                own.add(namespace);
            }
        });
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
