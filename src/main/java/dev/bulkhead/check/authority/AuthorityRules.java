package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.check.Rule;
import dev.bulkhead.check.Rule.Violation;
import dev.bulkhead.naming.Names;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.bulkhead.check.Severity.ERROR;

import static dev.bulkhead.check.authority.Values.strings;

/**
 * The perimeter holds against its own tenants: no developer, workspace or pod can write it, by RBAC and admission
 * together and by each on its own; exactly one identity is the platform's deployer; and the render holds nothing a
 * tenant could have used to open it (external IPs, a weakened PeerAuthentication, an allow-all
 * AuthorizationPolicy).
 */
public final class AuthorityRules {

    static final String CATEGORY = "authority";

    private AuthorityRules() {
    }

    public static List<Rule> rules() {
        return List.of(
                new Rule("authority.perimeter-writes", CATEGORY, ERROR,
                        "no tenant identity (developers' access entries, operator workspaces, project pods) can write "
                                + "the perimeter: RBAC and admission together refuse every write of NetworkPolicies, "
                                + "Istio and Gateway API objects, TargetGroupBindings, ResourceQuotas and LimitRanges "
                                + "in project namespaces, and every attack through other kinds",
                        "remove the binding or access policy that grants the write, and restore the admission guard "
                                + "that refuses it",
                        perIdentity(IdentityAuthority::writes, "can ")),
                new Rule("authority.rbac-least-privilege", CATEGORY, ERROR,
                        "RBAC alone grants no tenant identity a write of a perimeter kind in a project namespace, nor "
                                + "bind, escalate or impersonate",
                        "grant developers the bulkhead-developer role only, and workspaces only the app kinds "
                                + "(WorkspaceRbac); never an EKS access policy that edits (AmazonEKSEditPolicy "
                                + "includes NetworkPolicies)",
                        perIdentity(IdentityAuthority::granted, "is granted by RBAC: ")),
                new Rule("authority.admission-guards", CATEGORY, ERROR,
                        "admission alone refuses every perimeter write and every attack to every tenant identity, "
                                + "whatever RBAC grants",
                        "restore the platform's ValidatingAdmissionPolicies and bindings (bulkhead-perimeter-objects, "
                                + "bulkhead-project-namespaces, bulkhead-no-external-ips, bulkhead-tenant-pods, "
                                + "bulkhead-no-token-secrets, bulkhead-service-accounts) and their exemptions",
                        perIdentity(IdentityAuthority::admitted, "is admitted by admission to ")),
                new Rule("authority.workspace-scope", CATEGORY, ERROR,
                        "every operator workspace writes, by RBAC, only in its own project's tenant namespaces: never "
                                + "cluster-wide, in another project's namespaces or in a gateway namespace",
                        "bind the workspace's role with RoleBindings in its project's namespaces only (WorkspaceRbac), "
                                + "and name the project in its Stack's bulkhead:project",
                        view -> Authority.of(view).workspaceScopes().stream()
                                .filter(s -> !s.outside().isEmpty())
                                .map(s -> new Violation(s.identity().name(), "writes outside project "
                                        + s.project() + "'s namespaces " + s.ownNamespaces() + ": "
                                        + String.join("; ", s.outside())))
                                .toList()),
                new Rule("authority.one-deployer", CATEGORY, ERROR,
                        "exactly one access entry is the platform's deployer (the role the Kubernetes provider "
                                + "assumes); no other is in the platform admin group or holds a cluster-wide access "
                                + "policy that writes",
                        "map only the admin role to the platform admin group and to AmazonEKSClusterAdminPolicy",
                        AuthorityRules::oneDeployer),
                new Rule("authority.no-external-ips", CATEGORY, ERROR,
                        "no Service sets externalIPs (a tenant could capture another project's traffic, "
                                + "CVE-2020-8554)",
                        "remove spec.externalIPs; expose services through the project's gateway",
                        Rule.eachOf("kubernetes:core/v1:Service", s -> {
                            Object ips = RenderView.spec(s).get("externalIPs");
                            return ips instanceof List<?> list && !list.isEmpty()
                                    ? "externalIPs " + list : null;
                        })),
                new Rule("authority.strict-peer-authentication", CATEGORY, ERROR,
                        "every PeerAuthentication in a project namespace is STRICT, for every workload and port",
                        "set mtls.mode: STRICT and remove portLevelMtls modes other than STRICT",
                        inProjectNamespaces("PeerAuthentication", AuthorityRules::notStrict)),
                new Rule("authority.no-allow-all", CATEGORY, ERROR,
                        "no ALLOW AuthorizationPolicy in a project namespace has a rule that admits any source to "
                                + "any port",
                        "name the sources (principals) and the ports in every rule",
                        inProjectNamespaces("AuthorizationPolicy", AuthorityRules::allowAll)),
                new Rule("authority.reserved-identities", CATEGORY, ERROR,
                        "nothing in a project namespace wears a platform identity: no pod or pod template with the "
                                + "gateway's, a waypoint's or Prometheus's labels, leaving the ambient mesh or "
                                + "mounting a projected ServiceAccount token; no ServiceAccount token Secret; no "
                                + "project namespace outside the mesh",
                        "remove the label, the volume or the Secret; gateways and waypoints are Istio's to deploy",
                        TenantObjects::violations),
                new Rule("authority.kms-key-policy", CATEGORY, ERROR,
                        "a KMS key's policy lets the account administer the key but not use it, grant it (except to "
                                + "AWS services for their own resources) or rewrite the policy without MFA, and one "
                                + "statement keeps the key recoverable",
                        "list the administrative actions one by one; allow kms:CreateGrant only with "
                                + "kms:GrantIsForAWSResource and kms:PutKeyPolicy only with aws:MultiFactorAuthPresent",
                        IamTrust::keyPolicies),
                new Rule("authority.pod-identity-trust", CATEGORY, ERROR,
                        "every role EKS Pod Identity may assume is trusted for this account's clusters only "
                                + "(aws:SourceAccount)",
                        "add StringEquals aws:SourceAccount: <account> to the trust statement",
                        IamTrust::podIdentityTrust));
    }

    private static Function<RenderView, List<Violation>> perIdentity(
            Function<IdentityAuthority, List<String>> what, String verb) {
        return view -> {
            List<Violation> out = new ArrayList<>();
            for (IdentityAuthority tenant : Authority.of(view).tenants()) {
                List<String> lines = what.apply(tenant);
                if (!lines.isEmpty()) {
                    out.add(new Violation(tenant.identity().name(), verb + String.join("; ", lines)));
                }
            }
            return out;
        };
    }

    private static List<Violation> oneDeployer(RenderView view) {
        Identities identities = Authority.of(view).identities();
        List<Violation> out = new ArrayList<>();
        if (identities.deployer().isEmpty() && !view.ofType(Identities.ACCESS_ENTRY).isEmpty()) {
            out.add(new Violation("(access entries)", "no access entry belongs to the role the Kubernetes provider "
                    + "assumes, so nothing identifies the platform's deployer"));
        }
        Map<String, List<RenderedResource>> associations = new java.util.HashMap<>();
        for (RenderedResource association : view.ofType(Rbac.ASSOCIATION)) {
            associations.computeIfAbsent(String.valueOf(association.inputs().get("principalArn")),
                    arn -> new ArrayList<>()).add(association);
        }
        for (Identity identity : identities.tenants()) {
            if (identity.kind() != Identity.Kind.ACCESS_ENTRY) {
                continue;
            }
            if (identity.groups().contains(Names.platformAdminGroup())) {
                out.add(new Violation(identity.name(), "is in the platform admin group "
                        + Names.platformAdminGroup() + " but is not the deployer"));
            }
            for (RenderedResource association : associations.getOrDefault(identity.principalArn(), List.of())) {
                Map<String, Object> inputs = association.inputs();
                Object scope = inputs.get("accessScope") instanceof Map<?, ?> m ? m.get("type") : null;
                String policy = String.valueOf(inputs.get("policyArn"));
                if ("cluster".equals(scope) && !policy.endsWith("/AmazonEKSViewPolicy")
                        && !policy.endsWith("/AmazonEKSAdminViewPolicy")) {
                    out.add(new Violation(identity.name(), "holds " + policy.substring(policy.lastIndexOf('/') + 1)
                            + " for the whole cluster (association " + association.name() + ")"));
                }
            }
        }
        return out;
    }

    private static Function<RenderView, List<Violation>> inProjectNamespaces(
            String kind, Function<Map<String, Object>, String> problem) {
        return view -> {
            List<Violation> out = new ArrayList<>();
            for (RenderedResource r : view.kind(kind)) {
                boolean project = RenderView.namespace(r).map(view.projectNamespaces()::containsKey).orElse(false);
                String message = project ? problem.apply(RenderView.spec(r)) : null;
                if (message != null) {
                    out.add(new Violation(RenderView.describe(r), message));
                }
            }
            return out;
        };
    }

    private static String notStrict(Map<String, Object> spec) {
        Object mode = spec.get("mtls") instanceof Map<?, ?> m ? m.get("mode") : null;
        if (!"STRICT".equals(mode)) {
            return "mtls.mode is " + mode + (spec.get("selector") != null ? " for the workloads it selects" : "");
        }
        if (spec.get("portLevelMtls") instanceof Map<?, ?> ports) {
            for (var port : ports.entrySet()) {
                Object portMode = port.getValue() instanceof Map<?, ?> m ? m.get("mode") : null;
                if (!"STRICT".equals(portMode)) {
                    return "port " + port.getKey() + " has mtls mode " + portMode;
                }
            }
        }
        return null;
    }

    private static String allowAll(Map<String, Object> spec) {
        Object action = spec.getOrDefault("action", "ALLOW");
        if (!"ALLOW".equals(action) || !(spec.get("rules") instanceof List<?> rules)) {
            return null;
        }
        for (int i = 0; i < rules.size(); i++) {
            Map<?, ?> rule = rules.get(i) instanceof Map<?, ?> m ? m : Map.of();
            if (anySource(rule.get("from")) && anyOperation(rule.get("to")) && rule.get("when") == null) {
                return "rule " + i + " admits any source to any port";
            }
        }
        return null;
    }

    /** No {@code from}, or one whose source names no principal, namespace or address, or names all of them. */
    private static boolean anySource(Object from) {
        if (!(from instanceof List<?> sources) || sources.isEmpty()) {
            return true;
        }
        for (Object f : sources) {
            Map<?, ?> source = f instanceof Map<?, ?> m && m.get("source") instanceof Map<?, ?> s ? s : Map.of();
            boolean constrained = false;
            for (String key : List.of("principals", "namespaces", "ipBlocks", "remoteIpBlocks",
                    "requestPrincipals")) {
                List<String> values = strings(source.get(key));
                if (values.contains("*")) {
                    return true;
                }
                constrained |= !values.isEmpty();
            }
            if (!constrained) {
                return true;
            }
        }
        return false;
    }

    /** No {@code to}, or one whose operation names no port (or every port). */
    private static boolean anyOperation(Object to) {
        if (!(to instanceof List<?> operations) || operations.isEmpty()) {
            return true;
        }
        for (Object t : operations) {
            Map<?, ?> operation = t instanceof Map<?, ?> m && m.get("operation") instanceof Map<?, ?> o ? o : Map.of();
            List<String> ports = strings(operation.get("ports"));
            if (ports.isEmpty() || ports.contains("*")) {
                return true;
            }
        }
        return false;
    }
}
