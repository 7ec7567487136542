package dev.bulkhead.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.bulkhead.config.Fixtures.assertError;
import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Values valid in the config's own terms but not where they land: Service names, IAM, ARNs, regions, quotas. */
class NamesWhereTheyLandTest {

    @Test
    void projectAndExportNamesBecomeServiceNamesSoStartWithALetter() {
        assertOnlyError(set(set(reference(), "bulkhead:projects[1].name", "1billing"),
                        "bulkhead:projects[0].exports[0].consumers[0]", "1billing"), "bulkhead:projects[1].name",
                "\"1billing\" starts with a digit", "Kubernetes Service name, which must start with a letter");
        assertOnlyError(set(reference(), "bulkhead:projects[0].exports[0].name", "2orders"),
                "bulkhead:projects[0].exports[0].name", "\"2orders\" starts with a digit");
        assertOnlyError(set(reference(), "bulkhead:projects[0].exports[0].service", "shop-api/9orders"),
                "bulkhead:projects[0].exports[0].service", "is not a service reference", "the name starting with a letter");
    }

    @Test
    void stackNamesAreNamesNotPaths(@TempDir Path dir) {
        for (String stack : List.of("../prod", "a/b", "acme/bulkhead/dev", "..", "-dev", "_dev", "", "dev stack")) {
            ConfigException e = assertThrows(ConfigException.class, () -> SettingsParser.fromStackFile(dir, stack));
            assertEquals(1, e.errors().size(), e::getMessage);
            assertError(e.errors().get(0), "stack", stack.isEmpty() ? "the stack name is empty" : "\"" + stack + "\"");
        }
    }

    @Test
    void aTrustPolicyLongerThanIamAcceptsIsRefused() {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("arn:aws:iam::111122223333:user/developer-number-" + i);
        }
        assertOnlyError(set(reference(), "bulkhead:projects[0].developers", many), "bulkhead:projects[0].developers",
                "the trust policy of the developer role of project \"shop\" would be", "for 40 principals",
                "IAM accepts at most 2048");
        assertOnlyError(set(reference(), "bulkhead:access.admins", many), "bulkhead:access.admins",
                "the trust policy of the admin role would be");
        Fixtures.parse(set(reference(), "bulkhead:projects[0].developers", many.subList(0, 20)));
    }

    @Test
    void arnsMustBeInTheStacksPartition() {
        assertOnlyError(set(reference(), "bulkhead:access.admins[0]", "arn:aws-cn:iam::111122223333:user/alice"),
                "bulkhead:access.admins[0]", "is in the partition aws-cn, but aws:region eu-west-1 is in aws");
        assertOnlyError(set(reference(), "bulkhead:projects[0].ingress.certificateArn",
                        "arn:aws-us-gov:acm:eu-west-1:111122223333:certificate/11111111-2222-3333-4444-555555555555"),
                "bulkhead:projects[0].ingress.certificateArn", "is in the partition aws-us-gov");
        var china = set(reference(), "aws:region", "cn-north-1");
        set(china, "bulkhead:access.admins[0]", "arn:aws:iam::111122223333:user/alice");
        assertError(Fixtures.errors(china).get(0), "bulkhead:access.admins[0]", "aws:region cn-north-1 is in aws-cn");
    }

    @Test
    void aRegionMustExistNotOnlyMatchThePattern() {
        assertOnlyError(set(reference(), "aws:region", "eu-west-9"), "aws:region", "\"eu-west-9\" is not an AWS region",
                "did you mean \"eu-west-1\"?");
        assertEquals("ap-southeast-4", Fixtures.parse(set(set(reference(), "aws:region", "ap-southeast-4"),
                "bulkhead:projects[0].ingress", Fixtures.REMOVE)).region());
    }

    @Test
    void aLimitRangeDefaultRequestMayNotExceedItsDefaultLimit() {
        assertOnlyError(set(reference(), "bulkhead:projects[0].quota.defaultRequestCpu", "1500m"),
                "bulkhead:projects[0].quota.defaultRequestCpu", "defaultRequestCpu 1500m is above defaultLimitCpu 1",
                "the API server refuses it");
        assertOnlyError(set(reference(), "bulkhead:projects[0].quota.defaultLimitMemory", "128Mi"),
                "bulkhead:projects[0].quota.defaultRequestMemory", "defaultRequestMemory 256Mi is above "
                        + "defaultLimitMemory 128Mi");
        Fixtures.parse(set(reference(), "bulkhead:projects[0].quota.defaultRequestMemory", "1024Mi"));
    }
}
