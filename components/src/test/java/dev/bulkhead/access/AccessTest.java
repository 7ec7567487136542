package dev.bulkhead.access;

import com.google.gson.JsonObject;
import com.pulumi.test.PulumiTest;
import dev.bulkhead.mock.PlausibleMocks;
import dev.bulkhead.mock.RecordedResource;
import dev.bulkhead.model.AccessSpec;
import dev.bulkhead.model.ProjectSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.bulkhead.access.Fixtures.ACCOUNT;
import static dev.bulkhead.access.Fixtures.ALICE;
import static dev.bulkhead.access.Fixtures.BOB;
import static dev.bulkhead.access.Fixtures.CAROL;
import static dev.bulkhead.access.Fixtures.DAVE;
import static dev.bulkhead.access.Fixtures.ERIN;
import static dev.bulkhead.access.Fixtures.MFA_AGE;
import static dev.bulkhead.access.Fixtures.OTHER_ACCOUNT;
import static dev.bulkhead.access.Fixtures.POLICY;
import static dev.bulkhead.access.Fixtures.REGION;
import static dev.bulkhead.access.Fixtures.ROLE;
import static dev.bulkhead.access.Fixtures.ROLE_ATTACHMENT;
import static dev.bulkhead.access.Fixtures.ROLE_POLICY;
import static dev.bulkhead.access.Fixtures.SESSION;
import static dev.bulkhead.access.Fixtures.accessArgs;
import static dev.bulkhead.access.Fixtures.awsPrincipals;
import static dev.bulkhead.access.Fixtures.find;
import static dev.bulkhead.access.Fixtures.json;
import static dev.bulkhead.access.Fixtures.projects;
import static dev.bulkhead.access.Fixtures.render;
import static dev.bulkhead.access.Fixtures.root;
import static dev.bulkhead.access.Fixtures.spec;
import static dev.bulkhead.access.Fixtures.standardArgs;
import static dev.bulkhead.access.Fixtures.statement;
import static dev.bulkhead.access.Fixtures.statements;
import static dev.bulkhead.access.Fixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTest {

    private static final String BOUNDARY_ARN = "arn:aws:iam::" + ACCOUNT + ":policy/bulkhead-dev-human-boundary";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static PlausibleMocks standard() {
        return render(ctx -> new Access("access", standardArgs(), null));
    }

    /** All principals of every Allow statement of a trust policy, direct or through a narrowed root. */
    private static Set<String> trusted(JsonObject trust) {
        return statements(trust).stream()
                .filter(s -> s.get("Effect").getAsString().equals("Allow"))
                .flatMap(s -> {
                    var arnLike = s.getAsJsonObject("Condition").getAsJsonObject("ArnLike");
                    return arnLike != null ? strings(arnLike.get("aws:PrincipalArn")).stream()
                            : awsPrincipals(s).stream();
                })
                .collect(Collectors.toSet());
    }

    private static JsonObject trustOf(PlausibleMocks mocks, String logicalName) {
        return json(find(mocks, ROLE, logicalName).inputs().get("assumeRolePolicy"));
    }

    @Test
    void createsTheAdminAuditorAndOneDeveloperRolePerProject() {
        var mocks = standard();
        Map<String, String> roles = mocks.ofType(ROLE).stream()
                .collect(Collectors.toMap(RecordedResource::name, r -> (String) r.inputs().get("name")));
        assertEquals(Map.of(
                "access-admin", "bulkhead-dev-admin",
                "access-auditor", "bulkhead-dev-auditor",
                "access-developer-shop", "bulkhead-dev-dev-shop",
                "access-developer-ledger", "bulkhead-dev-dev-ledger"), roles);
    }

    @Test
    void eachTrustPolicyNamesExactlyItsConfiguredPrincipals() {
        var mocks = standard();
        assertEquals(Set.of(ALICE, BOB), trusted(trustOf(mocks, "access-admin")));
        assertEquals(Set.of(CAROL), trusted(trustOf(mocks, "access-auditor")));
        assertEquals(Set.of(DAVE), trusted(trustOf(mocks, "access-developer-shop")));
        assertEquals(Set.of(ERIN, BOB), trusted(trustOf(mocks, "access-developer-ledger")));
        // spelled out for the admin role: one statement, the two admins, nobody else
        JsonObject admin = statement(trustOf(mocks, "access-admin"), TrustPolicies.SID_DIRECT);
        assertEquals(List.of(ALICE, BOB), awsPrincipals(admin));
        assertFalse(trustOf(mocks, "access-auditor").toString().contains(ALICE));
        assertFalse(trustOf(mocks, "access-developer-shop").toString().contains(ERIN));
    }

    @Test
    void everyAllowInEveryTrustPolicyNeedsFreshMfaAndNoneIsAWildcard() {
        var mocks = standard();
        for (RecordedResource role : mocks.ofType(ROLE)) {
            TrustPoliciesTest.assertMfaGated(json(role.inputs().get("assumeRolePolicy")), MFA_AGE);
        }
    }

    @Test
    void noPolicyAnywhereAllowsAWildcardPrincipal() {
        var spec = new AccessSpec(MFA_AGE, SESSION, List.of(ALICE), List.of(), false, false);
        var mocks = render(ctx -> new Access("access", accessArgs(spec,
                List.of(Fixtures.project("empty", List.of("empty"), List.of(), false))), null));
        for (RecordedResource r : mocks.recorded().values()) {
            for (String field : List.of("assumeRolePolicy", "policy")) {
                if (r.inputs().get(field) instanceof String text) {
                    for (JsonObject s : statements(json(text))) {
                        if (s.get("Effect").getAsString().equals("Allow") && s.has("Principal")) {
                            assertFalse(awsPrincipals(s).contains("*"), r.name() + ": " + s);
                        }
                    }
                }
            }
        }
        // the roles nobody may use yet exist, and trust no one
        JsonObject auditor = trustOf(mocks, "access-auditor");
        assertEquals("Deny", statement(auditor, TrustPolicies.SID_NOBODY).get("Effect").getAsString());
        assertEquals(1, statements(auditor).size());
        assertEquals(1, statements(trustOf(mocks, "access-developer-empty")).size());
    }

    @Test
    void rootPrincipalsOnlyWithAllowAccountRootAndThenNarrowed() {
        var spec = new AccessSpec(MFA_AGE, SESSION, List.of(ALICE),
                List.of(root(OTHER_ACCOUNT), CAROL), false, true);
        var mocks = render(ctx -> new Access("access", accessArgs(spec, projects()), null));
        JsonObject auditor = trustOf(mocks, "access-auditor");
        JsonObject viaRoot = statement(auditor, TrustPolicies.SID_ROOT_PREFIX + OTHER_ACCOUNT);
        assertEquals(List.of(root(OTHER_ACCOUNT)), awsPrincipals(viaRoot));
        assertEquals(List.of(CAROL), strings(viaRoot.getAsJsonObject("Condition")
                .getAsJsonObject("ArnLike").get("aws:PrincipalArn")));
        assertEquals(Set.of(CAROL), trusted(auditor));

        var refused = new AccessSpec(MFA_AGE, SESSION, List.of(ALICE),
                List.of(root(OTHER_ACCOUNT), CAROL), false, false);
        assertRejected(accessArgs(refused, projects()), "access: arn:aws:iam::444455556666:root is an account "
                + "root; trusting a whole account needs bulkhead:access.allowAccountRoot");
    }

    @Test
    void everyHumanRoleHasTheBoundaryAndTheConfiguredSessionLength() {
        var spec = new AccessSpec(MFA_AGE, 7200, List.of(ALICE), List.of(CAROL), false, false);
        var mocks = render(ctx -> new Access("access", accessArgs(spec, projects()), null));
        assertEquals(4, mocks.ofType(ROLE).size());
        for (RecordedResource role : mocks.ofType(ROLE)) {
            assertEquals(BOUNDARY_ARN, role.inputs().get("permissionsBoundary"), role.name());
            assertEquals(7200.0, ((Number) role.inputs().get("maxSessionDuration")).doubleValue(), role.name());
        }
    }

    @Test
    void rolePermissions() {
        var mocks = standard();
        Map<String, String> attached = mocks.ofType(ROLE_ATTACHMENT).stream()
                .collect(Collectors.toMap(RecordedResource::name, r -> (String) r.inputs().get("policyArn")));
        assertEquals(Map.of(
                "access-admin-administrator-access", "arn:aws:iam::aws:policy/AdministratorAccess",
                "access-auditor-security-audit", "arn:aws:iam::aws:policy/SecurityAudit",
                "access-auditor-view-only", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"), attached);
        assertEquals("bulkhead-dev-admin", find(mocks, ROLE_ATTACHMENT, "access-admin-administrator-access")
                .inputs().get("role"));

        // auditor and developers: describe this cluster only, plus list clusters
        Set<String> connect = mocks.ofType(ROLE_POLICY).stream().map(RecordedResource::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("access-auditor-eks-connect", "access-developer-shop-eks-connect",
                "access-developer-ledger-eks-connect"), connect);
        RecordedResource shop = find(mocks, ROLE_POLICY, "access-developer-shop-eks-connect");
        assertEquals("bulkhead-dev-dev-shop", shop.inputs().get("role"));
        JsonObject doc = json(shop.inputs().get("policy"));
        assertEquals(2, statements(doc).size());
        JsonObject describe = statement(doc, ClusterConnectPolicy.SID_DESCRIBE);
        assertEquals(List.of("eks:DescribeCluster"), strings(describe.get("Action")));
        assertEquals(List.of("arn:aws:eks:" + REGION + ":" + ACCOUNT + ":cluster/bulkhead-dev"),
                strings(describe.get("Resource")));
        assertEquals(List.of("eks:ListClusters"), strings(statement(doc, ClusterConnectPolicy.SID_LIST)
                .get("Action")));
    }

    @Test
    void forceMfaPolicyDeniesEverythingButMfaSetupWithoutMfaAndIsAttachedToTheGroup() {
        var mocks = standard();
        RecordedResource policy = find(mocks, POLICY, "access-force-mfa");
        assertEquals("bulkhead-dev-force-mfa", policy.inputs().get("name"));
        JsonObject doc = json(policy.inputs().get("policy"));
        JsonObject deny = statement(doc, ForceMfaPolicy.SID_DENY);
        assertEquals("Deny", deny.get("Effect").getAsString());
        assertEquals(List.of("*"), strings(deny.get("Resource")));
        assertEquals(Set.of("iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice",
                "iam:GetMFADevice", "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:GetUser",
                "iam:ChangePassword", "iam:GetAccountPasswordPolicy", "sts:GetSessionToken"),
                Set.copyOf(strings(deny.get("NotAction"))));
        assertFalse(strings(deny.get("NotAction")).contains("sts:AssumeRole"));
        assertEquals("false", deny.getAsJsonObject("Condition").getAsJsonObject("BoolIfExists")
                .get("aws:MultiFactorAuthPresent").getAsString());
        // the allows touch only the caller's own user, MFA devices, and account-wide read-only lookups
        for (JsonObject s : statements(doc)) {
            if (s.get("Effect").getAsString().equals("Allow")) {
                for (String resource : strings(s.get("Resource"))) {
                    assertTrue(resource.equals("*") && s.get("Sid").getAsString().equals(ForceMfaPolicy.SID_LIST)
                            || resource.equals("arn:aws:iam::" + ACCOUNT + ":user/${aws:username}")
                            || resource.equals("arn:aws:iam::" + ACCOUNT + ":mfa/*"), s.toString());
                }
            }
        }
        assertEquals("true", statement(doc, ForceMfaPolicy.SID_DEACTIVATE).getAsJsonObject("Condition")
                .getAsJsonObject("Bool").get("aws:MultiFactorAuthPresent").getAsString());

        assertEquals("bulkhead-dev-force-mfa", find(mocks, Fixtures.GROUP, "access-force-mfa").inputs().get("name"));
        RecordedResource attachment = find(mocks, Fixtures.GROUP_ATTACHMENT, "access-force-mfa");
        assertEquals("bulkhead-dev-force-mfa", attachment.inputs().get("group"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":policy/bulkhead-dev-force-mfa",
                attachment.inputs().get("policyArn"));
    }

    @Test
    void boundaryDeniesEscalationAndAnythingWithoutMfa() {
        var mocks = standard();
        RecordedResource boundary = find(mocks, POLICY, "access-human-boundary");
        assertEquals("bulkhead-dev-human-boundary", boundary.inputs().get("name"));
        JsonObject doc = json(boundary.inputs().get("policy"));

        JsonObject noMfa = statement(doc, PermissionsBoundary.SID_NO_MFA);
        assertEquals("Deny", noMfa.get("Effect").getAsString());
        assertEquals(List.of("*"), strings(noMfa.get("Action")));
        assertEquals("false", noMfa.getAsJsonObject("Condition").getAsJsonObject("BoolIfExists")
                .get("aws:MultiFactorAuthPresent").getAsString());

        JsonObject credentials = statement(doc, PermissionsBoundary.SID_CREDENTIALS);
        assertTrue(strings(credentials.get("Action")).containsAll(List.of("iam:CreateUser",
                "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:AttachUserPolicy")));
        assertEquals(List.of("*"), strings(credentials.get("Resource")));

        JsonObject policies = statement(doc, PermissionsBoundary.SID_POLICIES);
        assertTrue(strings(policies.get("Action")).containsAll(List.of("iam:CreatePolicyVersion",
                "iam:SetDefaultPolicyVersion", "iam:DeletePolicy")));
        assertEquals(List.of(BOUNDARY_ARN, "arn:aws:iam::" + ACCOUNT + ":policy/bulkhead-dev-force-mfa"),
                strings(policies.get("Resource")));

        JsonObject roles = statement(doc, PermissionsBoundary.SID_ROLES);
        assertTrue(strings(roles.get("Action")).containsAll(List.of("iam:UpdateAssumeRolePolicy",
                "iam:DeleteRolePermissionsBoundary", "iam:PutRolePermissionsBoundary", "iam:AttachRolePolicy",
                "iam:PutRolePolicy")));
        assertEquals(Set.of("bulkhead-dev-admin", "bulkhead-dev-auditor", "bulkhead-dev-dev-shop",
                "bulkhead-dev-dev-ledger").stream().map(n -> "arn:aws:iam::" + ACCOUNT + ":role/" + n)
                .collect(Collectors.toSet()), Set.copyOf(strings(roles.get("Resource"))));

        JsonObject group = statement(doc, PermissionsBoundary.SID_GROUP);
        assertTrue(strings(group.get("Action")).containsAll(List.of("iam:DetachGroupPolicy",
                "iam:RemoveUserFromGroup")));
        assertEquals(List.of("arn:aws:iam::" + ACCOUNT + ":group/bulkhead-dev-force-mfa"),
                strings(group.get("Resource")));
    }

    @Test
    void everyPolicyDocumentIsAJsonDocumentRenderCanWrite() {
        // render's PolicyDocuments writes every aws: input named assumeRolePolicy or policy that parses to a
        // JSON object with a Statement: every document of this component must be one
        var mocks = standard();
        int documents = 0;
        for (RecordedResource r : mocks.recorded().values()) {
            for (String field : List.of("assumeRolePolicy", "policy")) {
                if (r.inputs().containsKey(field)) {
                    JsonObject doc = json(r.inputs().get(field));
                    assertEquals("2012-10-17", doc.get("Version").getAsString(), r.name());
                    assertFalse(statements(doc).isEmpty(), r.name());
                    documents++;
                }
            }
        }
        // 4 trust policies, boundary, force-MFA, 3 connect policies
        assertEquals(9, documents);
    }

    @Test
    void childrenAreParentedAndNamedAfterTheComponent() {
        var mocks = standard();
        for (RecordedResource r : mocks.recorded().values()) {
            if (!r.type().equals(Access.TYPE)) {
                assertTrue(r.name().startsWith("access-"), r.name());
            }
        }
        assertNotEquals(0, mocks.ofType(Access.TYPE).size());
    }

    @Test
    void validationFailsClosed() {
        assertRejected(accessArgs(new AccessSpec(MFA_AGE, SESSION, List.of(ALICE, CAROL), List.of(CAROL),
                false, false), projects()),
                "access: " + CAROL + " would be both admin and auditor; set allowAdminAuditorOverlap to allow it");
        assertRejected(accessArgs(new AccessSpec(899, SESSION, List.of(ALICE), List.of(), false, false),
                projects()), "access: mfaMaxAgeSeconds must be between 900 and 43200, got 899");
        assertRejected(accessArgs(new AccessSpec(43_201, SESSION, List.of(ALICE), List.of(), false, false),
                projects()), "access: mfaMaxAgeSeconds must be between 900 and 43200, got 43201");
        assertRejected(accessArgs(new AccessSpec(MFA_AGE, 60, List.of(ALICE), List.of(), false, false),
                projects()), "access: maxSessionSeconds must be between 3600 and 43200, got 60");
        assertRejected(accessArgs(spec(List.of("*"), List.of()), projects()),
                "access: principal * contains a wildcard; trust policies name exact principals only");
        List<ProjectSpec> wildDeveloper = List.of(Fixtures.project("shop", List.of("shop"),
                List.of("arn:aws:iam::" + ACCOUNT + ":role/*"), false));
        assertRejected(accessArgs(spec(List.of(ALICE), List.of()), wildDeveloper), "access: principal arn:aws:iam::"
                + ACCOUNT + ":role/* contains a wildcard; trust policies name exact principals only");
        var twice = List.of(Fixtures.project("shop", List.of("a"), List.of(), false),
                Fixtures.project("shop", List.of("b"), List.of(), false));
        assertRejected(accessArgs(spec(List.of(ALICE), List.of()), twice), "access: project shop is listed twice");

        // overlap allowed by config
        var overlap = new AccessSpec(MFA_AGE, SESSION, List.of(ALICE), List.of(ALICE), true, false);
        var mocks = render(ctx -> new Access("access", accessArgs(overlap, projects()), null));
        assertEquals(Set.of(ALICE), trusted(trustOf(mocks, "access-auditor")));
    }

    private static void assertRejected(AccessArgs args, String message) {
        var mocks = new PlausibleMocks(REGION);
        var result = Fixtures.run(mocks, ctx -> new Access("access", args, null));
        PulumiTest.cleanup();
        assertTrue(result.exceptions().stream().anyMatch(e -> rootCause(e) instanceof IllegalArgumentException
                && message.equals(rootCause(e).getMessage())), () -> "expected \"" + message + "\", got "
                + result.exceptions() + " " + result.errors());
        assertTrue(mocks.ofType(ROLE).isEmpty(), "no role may be created from rejected config");
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
