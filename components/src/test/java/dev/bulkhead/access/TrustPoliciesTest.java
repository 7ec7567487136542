package dev.bulkhead.access;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.bulkhead.access.Fixtures.ALICE;
import static dev.bulkhead.access.Fixtures.BOB;
import static dev.bulkhead.access.Fixtures.CAROL;
import static dev.bulkhead.access.Fixtures.ERIN;
import static dev.bulkhead.access.Fixtures.OTHER_ACCOUNT;
import static dev.bulkhead.access.Fixtures.awsPrincipals;
import static dev.bulkhead.access.Fixtures.json;
import static dev.bulkhead.access.Fixtures.root;
import static dev.bulkhead.access.Fixtures.statement;
import static dev.bulkhead.access.Fixtures.statements;
import static dev.bulkhead.access.Fixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustPoliciesTest {

    private static JsonObject trust(List<String> principals, boolean allowRoot) {
        return json(TrustPolicies.mfaAssumeRole(principals, 1200, allowRoot));
    }

    /** Every Allow statement: sts:AssumeRole only, both MFA conditions with the configured age, no wildcard. */
    static void assertMfaGated(JsonObject document, int mfaAge) {
        assertEquals("2012-10-17", document.get("Version").getAsString());
        for (JsonObject s : statements(document)) {
            if (!s.get("Effect").getAsString().equals("Allow")) {
                continue;
            }
            assertEquals(List.of("sts:AssumeRole"), strings(s.get("Action")), s.toString());
            assertFalse(awsPrincipals(s).contains("*"), s.toString());
            assertFalse(s.getAsJsonObject("Principal").has("Service"), s.toString());
            JsonObject condition = s.getAsJsonObject("Condition");
            assertEquals("true", condition.getAsJsonObject("Bool").get("aws:MultiFactorAuthPresent").getAsString());
            assertEquals(String.valueOf(mfaAge), condition.getAsJsonObject("NumericLessThan")
                    .get("aws:MultiFactorAuthAge").getAsString());
        }
    }

    @Test
    void namesExactlyTheConfiguredPrincipalsAndRequiresFreshMfa() {
        JsonObject doc = trust(List.of(ALICE, CAROL, BOB, ALICE), false);
        assertEquals(1, statements(doc).size());
        JsonObject s = statement(doc, TrustPolicies.SID_DIRECT);
        assertEquals(List.of(ALICE, CAROL, BOB), awsPrincipals(s));
        assertMfaGated(doc, 1200);
    }

    @Test
    void aRoleWithNobodyConfiguredTrustsNoOne() {
        JsonObject doc = trust(List.of(), true);
        List<JsonObject> all = statements(doc);
        assertEquals(1, all.size());
        JsonObject s = all.get(0);
        assertEquals(TrustPolicies.SID_NOBODY, s.get("Sid").getAsString());
        assertEquals("Deny", s.get("Effect").getAsString());
        assertEquals(List.of("*"), awsPrincipals(s));
        assertEquals(List.of("sts:AssumeRole"), strings(s.get("Action")));
    }

    @Test
    void rejectsWildcardPrincipals() {
        var e = assertThrows(IllegalArgumentException.class, () -> trust(List.of(ALICE, "*"), true));
        assertEquals("access: principal * contains a wildcard; trust policies name exact principals only",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> trust(List.of("arn:aws:iam::111122223333:user/*"), true));
        assertEquals("access: principal arn:aws:iam::111122223333:user/* contains a wildcard; trust policies "
                + "name exact principals only", e.getMessage());
    }

    @Test
    void rejectsMalformedPrincipals() {
        for (String bad : List.of("alice", "arn:aws:iam::1111:user/alice", "arn:aws:s3:::bucket",
                "arn:aws:iam::111122223333:group/admins", "arn:aws:iam::111122223333:user/")) {
            var e = assertThrows(IllegalArgumentException.class, () -> trust(List.of(bad), true), bad);
            assertEquals("access: " + bad + " is not an IAM user, role, assumed-role or account root ARN",
                    e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> trust(List.of(" "), true));
        assertEquals("access: an empty principal ARN cannot be trusted", e.getMessage());
    }

    @Test
    void rejectsAnAccountRootUnlessConfigAllowsIt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> trust(List.of(root(OTHER_ACCOUNT), CAROL), false));
        assertEquals("access: arn:aws:iam::444455556666:root is an account root; trusting a whole account needs "
                + "bulkhead:access.allowAccountRoot", e.getMessage());
    }

    @Test
    void anAllowedRootIsNarrowedToItsAccountsListedPrincipals() {
        JsonObject doc = trust(List.of(ALICE, root(OTHER_ACCOUNT), CAROL, ERIN), true);
        assertEquals(2, statements(doc).size());
        // ALICE is in another account than the root: named directly
        assertEquals(List.of(ALICE), awsPrincipals(statement(doc, TrustPolicies.SID_DIRECT)));
        JsonObject viaRoot = statement(doc, TrustPolicies.SID_ROOT_PREFIX + OTHER_ACCOUNT);
        assertEquals(List.of(root(OTHER_ACCOUNT)), awsPrincipals(viaRoot));
        assertEquals(List.of(CAROL, ERIN), strings(viaRoot.getAsJsonObject("Condition")
                .getAsJsonObject("ArnLike").get("aws:PrincipalArn")));
        assertMfaGated(doc, 1200);
    }

    @Test
    void aRootWithNothingToNarrowToIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> trust(List.of(ALICE, root(OTHER_ACCOUNT)), true));
        assertEquals("access: arn:aws:iam::444455556666:root is trusted, but no user or role of account "
                + "444455556666 is listed to narrow it to", e.getMessage());
    }

    @Test
    void assumedRoleSessionsAreNamedDirectlyNotNarrowedBy() {
        // aws:PrincipalArn of a role session is the role's ARN, so a session ARN cannot narrow a root
        String session = "arn:aws:sts::" + OTHER_ACCOUNT + ":assumed-role/ops/carol";
        JsonObject doc = trust(List.of(session, root(OTHER_ACCOUNT), CAROL), true);
        assertEquals(List.of(session), awsPrincipals(statement(doc, TrustPolicies.SID_DIRECT)));
        assertEquals(List.of(CAROL), strings(statement(doc, TrustPolicies.SID_ROOT_PREFIX + OTHER_ACCOUNT)
                .getAsJsonObject("Condition").getAsJsonObject("ArnLike").get("aws:PrincipalArn")));
        var e = assertThrows(IllegalArgumentException.class,
                () -> trust(List.of(session, root(OTHER_ACCOUNT)), true));
        assertTrue(e.getMessage().endsWith("is listed to narrow it to"));
    }

    @Test
    void acceptsOtherPartitionsAndRolePaths() {
        String gov = "arn:aws-us-gov:iam::123456789012:role/platform/admins";
        JsonObject doc = trust(List.of(gov), false);
        assertEquals(List.of(gov), awsPrincipals(statement(doc, TrustPolicies.SID_DIRECT)));
    }
}
