package dev.bulkhead.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.bulkhead.config.Fixtures.REMOVE;
import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.list;
import static dev.bulkhead.config.Fixtures.map;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules of {@code bulkhead:network} and {@code bulkhead:cluster}. */
class NetworkAndClusterRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.40.0.1/16   | \"10.40.0.1/16\" is not a network address (host bits are set); write 10.40.0.0/16",
        "10.0.0.0/8     | \"10.0.0.0/8\" has prefix /8; the VPC needs a prefix from /16 to /20",
        "10.40.0.0/24   | \"10.40.0.0/24\" has prefix /24; the VPC needs a prefix from /16 to /20",
        "10.40.0.0      | \"10.40.0.0\" is not an IPv4 CIDR (the /prefix length is missing)",
        "10.400.0.0/16  | octet 400 is not a number from 0 to 255",
        "fd00::/48      | \"fd00::/48\" is an IPv6 address; only IPv4 CIDRs are supported",
    })
    void vpcCidr(String cidr, String message) {
        assertOnlyError(set(reference(), "bulkhead:network.cidr", cidr), "bulkhead:network.cidr", message);
    }

    @Test
    void availabilityZones() {
        assertOnlyError(set(reference(), "bulkhead:network.availabilityZones", 1), "bulkhead:network.availabilityZones",
                "1 is out of range; use 2 to 6 (EKS needs at least two availability zones)");
    }

    @Test
    void retentionMustBeACloudWatchValue() {
        assertOnlyError(set(reference(), "bulkhead:network.flowLogRetentionDays", 366),
                "bulkhead:network.flowLogRetentionDays",
                "366 is not a CloudWatch Logs retention period (nearest: 365 or 400); use one of [1, 3, 5,");
        assertOnlyError(set(reference(), "bulkhead:cluster.logRetentionDays", 10), "bulkhead:cluster.logRetentionDays",
                "(nearest: 7 or 14)");
    }

    @Test
    void kubernetesVersion() {
        assertOnlyError(set(reference(), "bulkhead:cluster.kubernetesVersion", 1.3), "bulkhead:cluster.kubernetesVersion",
                "got number 1.3", "1.30 becomes 1.3", "quote it");
        assertOnlyError(set(reference(), "bulkhead:cluster.kubernetesVersion", "1.27"),
                "bulkhead:cluster.kubernetesVersion", "\"1.27\" is not a supported EKS version; use \"1.30\" to \"1.39\"");
        assertOnlyError(set(reference(), "bulkhead:cluster.kubernetesVersion", REMOVE),
                "bulkhead:cluster.kubernetesVersion", "missing required key", "\"1.31\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.0.0.0/0 | would open the private API endpoint to the whole internet; list the exact IPv4 networks",
        "::/0      | \"::/0\" is IPv6, which this allow-list does not take; the API endpoint is private: list the exact",
        "2001:db8::/32 | is IPv6",
    })
    void publicAccessCidrs(String cidr, String message) {
        assertOnlyError(set(reference(), "bulkhead:cluster.publicAccessCidrs[1]", cidr),
                "bulkhead:cluster.publicAccessCidrs[1]", message);
    }

    @Test
    void versionsWithoutPinnedAddonsAreRejectedBeforeAnythingIsBuilt() {
        assertOnlyError(set(reference(), "bulkhead:cluster.kubernetesVersion", "1.33"),
                "bulkhead:cluster.kubernetesVersion", "\"1.33\" has no pinned EKS add-on versions", "use one of [1.31]");
    }

    @Test
    void publicAccessBroaderThanASlashEightIsRejected() {
        assertOnlyError(set(reference(), "bulkhead:cluster.publicAccessCidrs[1]", "64.0.0.0/2"),
                "bulkhead:cluster.publicAccessCidrs[1]", "\"64.0.0.0/2\" is broader than a /8");
    }

    @Test
    void apiClientsMustBePrivateNetworks() {
        assertOnlyError(set(reference(), "bulkhead:cluster.apiClientCidrs", list("203.0.113.0/24")),
                "bulkhead:cluster.apiClientCidrs[0]", "\"203.0.113.0/24\" is not a private network",
                "use publicAccessCidrs for addresses on the internet");
    }

    @Test
    void apiClientsReachTheModel() {
        var settings = Fixtures.parse(set(reference(), "bulkhead:cluster.apiClientCidrs", list("10.8.0.0/16")));
        assertEquals(List.of("10.8.0.0/16"), settings.cluster().apiClientCidrs());
    }

    @Test
    void serviceCidrMustNotOverlapTheVpc() {
        assertOnlyError(set(reference(), "bulkhead:cluster.serviceCidr", "10.40.128.0/20"), "bulkhead:cluster.serviceCidr",
                "\"10.40.128.0/20\" overlaps the VPC bulkhead:network.cidr 10.40.0.0/16");
    }

    @Test
    void serviceCidrMustBeAPrivateRangeEksAccepts() {
        assertOnlyError(set(reference(), "bulkhead:cluster.serviceCidr", "100.64.0.0/16"), "bulkhead:cluster.serviceCidr",
                "\"100.64.0.0/16\" cannot be an EKS Service range; use a /12 to /24 inside one of [10.0.0.0/8, "
                        + "172.16.0.0/12, 192.168.0.0/16]");
        assertOnlyError(set(reference(), "bulkhead:cluster.serviceCidr", "10.96.0.0/26"), "bulkhead:cluster.serviceCidr",
                "cannot be an EKS Service range");
    }

    @Test
    void nodeGroupsAreRequired() {
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups", list()), "bulkhead:cluster.nodeGroups",
                "must not be empty");
    }

    @ParameterizedTest
    @CsvSource({
        "3, 2, 6, 'minSize 3, desiredSize 2, maxSize 6'",
        "1, 7, 6, 'minSize 1, desiredSize 7, maxSize 6'",
    })
    void nodeGroupSizesInOrder(int min, int desired, int max, String sizes) {
        var config = reference();
        set(config, "bulkhead:cluster.nodeGroups[0].minSize", min);
        set(config, "bulkhead:cluster.nodeGroups[0].desiredSize", desired);
        set(config, "bulkhead:cluster.nodeGroups[0].maxSize", max);
        assertOnlyError(config, "bulkhead:cluster.nodeGroups[0]", "sizes out of order: " + sizes,
                "need 0 <= minSize <= desiredSize <= maxSize <= 450");
    }

    @Test
    void nodeGroupSizeLimits() {
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[0].maxSize", 451),
                "bulkhead:cluster.nodeGroups[0].maxSize", "451 is out of range; use 1 to 450");
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[0].diskSizeGib", 8),
                "bulkhead:cluster.nodeGroups[0].diskSizeGib", "8 is out of range; use 20 to 16384");
    }

    @Test
    void maxSizeDefaultsToDesiredSize() {
        var config = reference();
        set(config, "bulkhead:cluster.nodeGroups[0].maxSize", REMOVE);
        assertEquals(3, Fixtures.parse(config).cluster().nodeGroups().get(0).maxSize());
    }

    @Test
    void nodeGroupNames() {
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[1].name", "general"),
                "bulkhead:cluster.nodeGroups[1].name",
                "\"general\" is already the name of bulkhead:cluster.nodeGroups[0]; node group names must be unique");
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[0].name", "General_1"),
                "bulkhead:cluster.nodeGroups[0].name", "\"General_1\" is not a valid node group name; use an RFC 1123 "
                        + "label: at most 40 lowercase letters");
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[0].name", "a".repeat(41)),
                "bulkhead:cluster.nodeGroups[0].name", "at most 40");
    }

    @Test
    void instanceTypes() {
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[0].instanceTypes[1]", "large"),
                "bulkhead:cluster.nodeGroups[0].instanceTypes[1]",
                "\"large\" is not an EC2 instance type; write family.size, e.g. m6i.large");
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[0].instanceTypes", list()),
                "bulkhead:cluster.nodeGroups[0].instanceTypes", "must not be empty");
    }

    @Test
    void labelsAndTaints() {
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[0].labels", map("-bad", "x")),
                "bulkhead:cluster.nodeGroups[0].labels[\"-bad\"]", "\"-bad\" is not a Kubernetes label key");
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[0].labels.tier", "has space"),
                "bulkhead:cluster.nodeGroups[0].labels[\"tier\"]", "\"has space\" is not a Kubernetes label value");
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[1].taints[0].effect", "NoSchedul"),
                "bulkhead:cluster.nodeGroups[1].taints[0].effect",
                "\"NoSchedul\" is not valid; did you mean \"NoSchedule\"? use one of [NoSchedule, NoExecute, "
                        + "PreferNoSchedule]");
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[1].taints[0].key", REMOVE),
                "bulkhead:cluster.nodeGroups[1].taints[0].key", "missing required key");
    }

    @Test
    void taintEffectsMapToTheEksNames() {
        var config = reference();
        set(config, "bulkhead:cluster.nodeGroups[1].taints", List.of(
                map("key", "a", "effect", "NoExecute"), map("key", "b", "value", "x", "effect", "PreferNoSchedule")));
        var taints = Fixtures.parse(config).cluster().nodeGroups().get(1).taints();
        assertEquals(List.of("NO_EXECUTE", "PREFER_NO_SCHEDULE"), taints.stream().map(t -> t.effect()).toList());
    }
}
