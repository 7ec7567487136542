package dev.bulkhead.check;

import dev.bulkhead.check.authority.Authority;
import dev.bulkhead.check.authority.Identity;
import dev.bulkhead.check.authority.IdentityAuthority;
import dev.bulkhead.check.authority.WorkspaceScope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's "authority" section: every identity the render gives access to the cluster and what it can write of
 * the perimeter, the platform's deployer first, and for each operator workspace where it writes at all.
 *
 * @param deployer   the platform's deployer, if any
 * @param tenants    every other identity and what it can write
 * @param workspaces where each operator workspace may write
 */
public record AuthoritySection(String deployer, List<IdentityAuthority> tenants, List<WorkspaceScope> workspaces) {

    public AuthoritySection {
        tenants = List.copyOf(tenants);
        workspaces = List.copyOf(workspaces);
    }

    public static AuthoritySection of(RenderView view) {
        Authority authority = Authority.of(view);
        return new AuthoritySection(authority.identities().deployer().map(Identity::name).orElse(null),
                authority.tenants(), authority.workspaceScopes());
    }

    /** What {@code tenant} can write of the perimeter and, for a workspace, where it writes at all. */
    public String line(IdentityAuthority tenant) {
        return line(tenant, workspacesByIdentity());
    }

    private static String line(IdentityAuthority tenant, Map<Identity, WorkspaceScope> workspaces) {
        WorkspaceScope scope = workspaces.get(tenant.identity());
        return tenant.summary() + (scope == null ? "" : "; " + scope.summary());
    }

    /** Each workspace's scope by its identity (the first, should two scopes name one identity). */
    private Map<Identity, WorkspaceScope> workspacesByIdentity() {
        Map<Identity, WorkspaceScope> out = new HashMap<>();
        workspaces.forEach(w -> out.putIfAbsent(w.identity(), w));
        return out;
    }

    /** The identities that can write the perimeter. */
    public long writers() {
        return tenants.stream().filter(t -> !t.writes().isEmpty()).count();
    }

    String summary() {
        StringBuilder out = new StringBuilder("authority: ").append(tenants.size()).append(" tenant identit")
                .append(tenants.size() == 1 ? "y" : "ies").append(", ").append(writers())
                .append(" can write the perimeter\n");
        if (deployer != null) {
            out.append("  ").append(deployer).append(": the platform's deployer\n");
        }
        Map<Identity, WorkspaceScope> scopes = workspacesByIdentity();
        for (IdentityAuthority tenant : tenants) {
            out.append("  ").append(tenant.identity().name()).append(": ").append(line(tenant, scopes)).append('\n');
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("\n## Authority\n\n");
        md.append("Who can write the perimeter (NetworkPolicies, Istio and Gateway API objects, TargetGroupBindings, "
                + "quotas and limits in project namespaces, and the attacks through other kinds), by RBAC and "
                + "admission together.\n\n| identity | kind | can write |\n|---|---|---|\n");
        if (deployer != null) {
            md.append("| ").append(deployer).append(" | deployer | the perimeter (the platform) |\n");
        }
        Map<Identity, WorkspaceScope> scopes = workspacesByIdentity();
        for (IdentityAuthority tenant : tenants) {
            md.append("| ").append(tenant.identity().name()).append(" | ")
                    .append(tenant.identity().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(" | ")
                    .append(line(tenant, scopes)).append(" |\n");
        }
        return md.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deployer", deployer);
        List<Object> identities = new ArrayList<>();
        Map<Identity, WorkspaceScope> scopes = workspacesByIdentity();
        for (IdentityAuthority tenant : tenants) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("identity", tenant.identity().name());
            m.put("kind", tenant.identity().kind().name());
            m.put("username", tenant.identity().username());
            m.put("summary", tenant.summary());
            m.put("writes", tenant.writes());
            m.put("rbacGrants", tenant.granted());
            m.put("admissionAdmits", tenant.admitted());
            WorkspaceScope w = scopes.get(tenant.identity());
            if (w != null) {
                m.put("project", w.project());
                m.put("writesIn", w.writesIn());
            }
            identities.add(m);
        }
        out.put("identities", identities);
        return out;
    }
}
