package dev.bulkhead.access;

import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import dev.bulkhead.mock.PlausibleMocks;
import dev.bulkhead.mock.RecordedResource;
import dev.bulkhead.model.ProjectSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.bulkhead.access.Fixtures.ASSOCIATION;
import static dev.bulkhead.access.Fixtures.ENTRY;
import static dev.bulkhead.access.Fixtures.REGION;
import static dev.bulkhead.access.Fixtures.find;
import static dev.bulkhead.access.Fixtures.project;
import static dev.bulkhead.access.Fixtures.projects;
import static dev.bulkhead.access.Fixtures.render;
import static dev.bulkhead.access.Fixtures.role;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterAccessTest {

    private static final String ADMIN = role(Fixtures.ACCOUNT, "bulkhead-dev-admin");
    private static final String AUDITOR = role(Fixtures.ACCOUNT, "bulkhead-dev-auditor");

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static ClusterAccessArgs args(List<ProjectSpec> projects, Map<String, Output<String>> developers) {
        return ClusterAccessArgs.builder()
                .clusterName(Output.of("bulkhead-dev"))
                .adminRoleArn(Output.of(ADMIN))
                .auditorRoleArn(Output.of(AUDITOR))
                .developerRoleArns(developers)
                .projects(projects)
                .build();
    }

    private static Map<String, Output<String>> developerRoles(List<ProjectSpec> projects) {
        Map<String, Output<String>> roles = new LinkedHashMap<>();
        for (ProjectSpec p : projects) {
            roles.put(p.name(), Output.of(role(Fixtures.ACCOUNT, "bulkhead-dev-dev-" + p.name())));
        }
        return roles;
    }

    private static PlausibleMocks standard() {
        return render(ctx -> new ClusterAccess("cluster-access", args(projects(), developerRoles(projects())), null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scope(RecordedResource association) {
        return (Map<String, Object>) association.inputs().get("accessScope");
    }

    @Test
    void exactlyOneEntryForAdminAuditorAndEachProject() {
        var mocks = standard();
        assertEquals(2 + projects().size(), mocks.ofType(ENTRY).size());
        // only the admin and the auditor hold an EKS access policy; developers' rights are RBAC's
        assertEquals(2, mocks.ofType(ASSOCIATION).size());
        Map<String, Object> principals = mocks.ofType(ENTRY).stream()
                .collect(Collectors.toMap(RecordedResource::name, r -> r.inputs().get("principalArn")));
        assertEquals(Map.of(
                "cluster-access-admin", ADMIN,
                "cluster-access-auditor", AUDITOR,
                "cluster-access-developer-shop", role(Fixtures.ACCOUNT, "bulkhead-dev-dev-shop"),
                "cluster-access-developer-ledger", role(Fixtures.ACCOUNT, "bulkhead-dev-dev-ledger")), principals);
        Map<String, Object> groups = new java.util.TreeMap<>();
        for (RecordedResource entry : mocks.ofType(ENTRY)) {
            assertEquals("bulkhead-dev", entry.inputs().get("clusterName"), entry.name());
            assertEquals("STANDARD", entry.inputs().get("type"), entry.name());
            assertFalse(entry.inputs().containsKey("userName"), "EKS names each session after its role");
            groups.put(entry.name(), entry.inputs().get("kubernetesGroups"));
        }
        assertEquals(Map.of(
                "cluster-access-admin", List.of("bulkhead:platform-admins"),
                "cluster-access-auditor", List.of(),
                "cluster-access-developer-shop", List.of("bulkhead:shop:developers"),
                "cluster-access-developer-ledger", List.of("bulkhead:ledger:developers")), groups);
        groups.values().forEach(g -> ((List<?>) g).forEach(group ->
                assertFalse(String.valueOf(group).startsWith("system:"), "EKS refuses " + group)));
    }

    @Test
    void adminAndAuditorAreClusterScoped() {
        var mocks = standard();
        RecordedResource admin = find(mocks, ASSOCIATION, "cluster-access-admin");
        assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                admin.inputs().get("policyArn"));
        assertEquals(ADMIN, admin.inputs().get("principalArn"));
        assertEquals(Map.of("type", "cluster"), scope(admin));

        RecordedResource auditor = find(mocks, ASSOCIATION, "cluster-access-auditor");
        assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
                auditor.inputs().get("policyArn"));
        assertEquals(AUDITOR, auditor.inputs().get("principalArn"));
        assertEquals(Map.of("type", "cluster"), scope(auditor));
    }

    @Test
    void developersHoldNoEksAccessPolicyOnlyTheirGroup() {
        var mocks = standard();
        for (ProjectSpec p : projects()) {
            assertTrue(mocks.ofType(ASSOCIATION).stream().noneMatch(a -> a.inputs().get("principalArn")
                    .equals(role(Fixtures.ACCOUNT, "bulkhead-dev-dev-" + p.name()))), p.name());
            assertTrue(mocks.ofType(ASSOCIATION).stream().noneMatch(a -> String.valueOf(a.inputs().get("policyArn"))
                    .endsWith("AmazonEKSEditPolicy")), "Edit includes NetworkPolicies");
        }
    }

    @Test
    void noProjectsMeansOnlyAdminAndAuditor() {
        var mocks = render(ctx -> new ClusterAccess("cluster-access", args(List.of(), Map.of()), null));
        assertEquals(2, mocks.ofType(ENTRY).size());
    }

    @Test
    void scopesThatWouldBreakACompartmentAreRejected() {
        assertRejected(List.of(project("shop", List.of(), List.of(), false)),
                "access: project shop has no namespaces to scope its developers to");
        assertRejected(List.of(project("shop", List.of("shop-*"), List.of(), false)),
                "access: namespace shop-* of project shop contains a wildcard");
        assertRejected(List.of(project("shop", List.of("kube-system"), List.of(), false)),
                "access: namespace kube-system of project shop is not the project's to edit");
        assertRejected(List.of(project("shop", List.of("shop"), List.of(), true),
                        project("ledger", List.of("ledger", "shop-gateway"), List.of(), false)),
                "access: namespace shop-gateway of project ledger is not the project's to edit");
        assertRejected(List.of(project("shop", List.of("shared"), List.of(), false),
                        project("ledger", List.of("shared"), List.of(), false)),
                "access: namespace shared is claimed by projects shop and ledger");
    }

    @Test
    void developerRolesMustMatchTheProjects() {
        var mocks = new PlausibleMocks(REGION);
        var missing = Fixtures.run(mocks, ctx -> new ClusterAccess("cluster-access",
                args(projects(), Map.of("shop", Output.of(ADMIN))), null));
        PulumiTest.cleanup();
        assertTrue(missing.exceptions().stream().anyMatch(e -> "access: project ledger has no developer role"
                .equals(e.getMessage())), missing.exceptions()::toString);

        var extra = new LinkedHashMap<>(developerRoles(projects()));
        extra.put("ghost", Output.of(ADMIN));
        var unknown = Fixtures.run(new PlausibleMocks(REGION), ctx -> new ClusterAccess("cluster-access",
                args(projects(), extra), null));
        assertTrue(unknown.exceptions().stream().anyMatch(e ->
                "access: developer roles given for unknown projects [ghost]".equals(e.getMessage())),
                unknown.exceptions()::toString);
        assertTrue(mocks.ofType(ENTRY).isEmpty());
    }

    private static void assertRejected(List<ProjectSpec> projects, String message) {
        var mocks = new PlausibleMocks(REGION);
        var result = Fixtures.run(mocks, ctx -> new ClusterAccess("cluster-access",
                args(projects, developerRoles(projects)), null));
        PulumiTest.cleanup();
        assertTrue(result.exceptions().stream().anyMatch(e -> e instanceof IllegalArgumentException
                && message.equals(e.getMessage())), () -> "expected \"" + message + "\", got " + result.exceptions());
        assertTrue(mocks.ofType(ENTRY).isEmpty(), "no access entry may be created from rejected config");
    }
}
