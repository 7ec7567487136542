package dev.bulkhead.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.list;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules of {@code bulkhead:access} and {@code bulkhead:platform}. */
class AccessAndPlatformRulesTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String ROOT = "arn:aws:iam::111122223333:root";

    @Test
    void adminsAreRequired() {
        assertOnlyError(set(reference(), "bulkhead:access.admins", list()), "bulkhead:access.admins",
                "must not be empty; list at least one: IAM principal ARNs");
    }

    @Test
    void sessionBounds() {
        assertOnlyError(set(reference(), "bulkhead:access.mfaMaxAgeSeconds", 600), "bulkhead:access.mfaMaxAgeSeconds",
                "600 is out of range; use 900 to 43200");
        assertOnlyError(set(reference(), "bulkhead:access.maxSessionSeconds", 50_000), "bulkhead:access.maxSessionSeconds",
                "50000 is out of range; use 3600 to 43200");
    }

    @Test
    void principalsAreExactIamArns() {
        assertOnlyError(set(reference(), "bulkhead:access.admins[0]", "arn:aws:iam::111122223333:role/*"),
                "bulkhead:access.admins[0]", "\"arn:aws:iam::111122223333:role/*\" contains a wildcard",
                "arn:aws:iam::<12-digit account>:user/<name>");
        assertOnlyError(set(reference(), "bulkhead:access.auditors[0]", "alice"), "bulkhead:access.auditors[0]",
                "\"alice\" is not an IAM principal ARN; use arn:aws:iam::<12-digit account>:user/<name>");
        assertOnlyError(set(reference(), "bulkhead:access.admins[0]", "arn:aws:iam::1111:user/alice"),
                "bulkhead:access.admins[0]", "is not an IAM principal ARN");
        assertOnlyError(set(reference(), "bulkhead:access.admins[0]", "arn:aws:sts::111122223333:assumed-role/x/y"),
                "bulkhead:access.admins[0]", "is not an IAM principal ARN");
    }

    @Test
    void accountRootNeedsItsFlagEverywhere() {
        assertOnlyError(set(reference(), "bulkhead:access.admins[0]", ROOT), "bulkhead:access.admins[0]",
                "\"" + ROOT + "\" is the root of account 111122223333", "set bulkhead:access.allowAccountRoot: true");
        assertOnlyError(set(reference(), "bulkhead:projects[0].developers[0]", ROOT),
                "bulkhead:projects[0].developers[0]", "is the root of account 111122223333");

        var rootAlone = set(reference(), "bulkhead:access.admins[0]", ROOT);
        set(rootAlone, "bulkhead:access.allowAccountRoot", true);
        assertOnlyError(rootAlone, "bulkhead:access.admins", "the trust policy of the admin role cannot be written",
                "no user or role of account 111122223333 is listed to narrow it to");

        var allowed = set(rootAlone, "bulkhead:access.admins[1]", ALICE);
        assertEquals(List.of(ROOT, ALICE).stream().sorted().toList(), Fixtures.parse(allowed).access().admins());
    }

    @Test
    void adminAndAuditorOverlapNeedsItsFlag() {
        var config = set(reference(), "bulkhead:access.auditors[1]", ALICE);
        assertOnlyError(config, "bulkhead:access.auditors[1]",
                "\"" + ALICE + "\" is also an admin (bulkhead:access.admins[0]); a principal is either admin or auditor, "
                        + "or set bulkhead:access.allowAdminAuditorOverlap: true");

        set(config, "bulkhead:access.allowAdminAuditorOverlap", true);
        assertEquals(2, Fixtures.parse(config).access().auditors().size());
    }

    @Test
    void platformNames() {
        assertOnlyError(set(reference(), "bulkhead:platform.trustDomain", "Cluster.Local"), "bulkhead:platform.trustDomain",
                "\"Cluster.Local\" is not a DNS name; use lowercase labels");
        assertOnlyError(set(reference(), "bulkhead:platform.monitoringNamespace", "prom_stack"),
                "bulkhead:platform.monitoringNamespace", "\"prom_stack\" is not a valid namespace");
    }

    @Test
    void registriesHaveNoScheme() {
        assertOnlyError(set(reference(), "bulkhead:platform.allowedRegistries[1]", "https://ghcr.io/acme"),
                "bulkhead:platform.allowedRegistries[1]",
                "\"https://ghcr.io/acme\" has a scheme; write the registry as host[/path], e.g. ghcr.io/acme");
        assertOnlyError(set(reference(), "bulkhead:platform.allowedRegistries[1]", "ghcr.io/acme/app:1.0"),
                "bulkhead:platform.allowedRegistries[1]", "is not a registry");
    }
}
