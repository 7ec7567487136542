package dev.bulkhead.cluster;

import dev.bulkhead.model.ClusterSpec;
import dev.bulkhead.model.NodeGroupSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClusterValidationTest {

    static NodeGroupSpec group(String name, List<String> types, int min, int desired, int max) {
        return new NodeGroupSpec(name, types, min, desired, max, 50, Map.of(), List.of());
    }

    @Test
    void aValidSpecPasses() {
        ClusterValidation.check(ClusterFixture.spec(), "10.40.0.0/16");
    }

    @Test
    void addOnsMustBePinnedForTheClusterVersion() {
        var spec = new ClusterSpec("1.32", List.of(), "172.20.0.0/16", List.of(ClusterFixture.general()), 90, false,
                false);
        var e = assertThrows(IllegalArgumentException.class, () -> ClusterValidation.check(spec, "10.40.0.0/16"));
        assertEquals("no EKS add-on versions are pinned for Kubernetes 1.32; pin them in AddonVersions first"
                + " (pinned: [1.31])", e.getMessage());
    }

    @Test
    void versionsWithoutValidatingAdmissionPolicyV1AreRefused() {
        var spec = new ClusterSpec("1.29", List.of(), "172.20.0.0/16", List.of(ClusterFixture.general()), 90, false,
                false);
        var e = assertThrows(IllegalArgumentException.class, () -> ClusterValidation.check(spec, "10.40.0.0/16"));
        assertEquals("Kubernetes 1.29 is older than 1.30, the first version that serves the "
                + "ValidatingAdmissionPolicies guarding the perimeter", e.getMessage());
        ClusterValidation.kubernetesVersion("1.30");
        ClusterValidation.kubernetesVersion("1.100");
        assertThrows(IllegalArgumentException.class, () -> ClusterValidation.kubernetesVersion("2.1"));
    }

    @Test
    void serviceCidrMustNotOverlapTheVpcAndMustBeAPrivateSlash12ToSlash24() {
        var overlap = assertThrows(IllegalArgumentException.class,
                () -> ClusterValidation.serviceCidr("10.40.128.0/17", "10.40.0.0/16"));
        assertEquals("serviceCidr 10.40.128.0/17 overlaps the VPC 10.40.0.0/16", overlap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClusterValidation.serviceCidr("172.20.0.0/11", "10.40.0.0/16"));
        assertThrows(IllegalArgumentException.class, () -> ClusterValidation.serviceCidr("100.64.0.0/16", "10.40.0.0/16"));
        ClusterValidation.serviceCidr("172.20.0.0/16", "10.40.0.0/16");
    }

    @Test
    void nodeGroupsNeedSaneSizesUniqueNamesAndOneArchitecture() {
        assertThrows(IllegalArgumentException.class, () -> ClusterValidation.nodeGroups(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ClusterValidation.nodeGroups(
                List.of(group("a", List.of("m6i.large"), 3, 2, 4))));
        assertThrows(IllegalArgumentException.class, () -> ClusterValidation.nodeGroups(
                List.of(group("a", List.of("m6i.large"), 0, 0, 0))));
        assertThrows(IllegalArgumentException.class, () -> ClusterValidation.nodeGroups(
                List.of(group("a", List.of("m6i.large"), 1, 1, 1), group("a", List.of("m6i.large"), 1, 1, 1))));
        var mixed = assertThrows(IllegalArgumentException.class, () -> ClusterValidation.nodeGroups(
                List.of(group("mixed", List.of("m6i.large", "m7g.large"), 1, 1, 2))));
        assertEquals("node group mixed mixes x86_64 and arm64 instance types: [m6i.large, m7g.large]",
                mixed.getMessage());
    }

    @Test
    void amiTypeFollowsTheInstanceArchitecture() {
        for (String x86 : List.of("m6i.large", "c6in.xlarge", "g5.xlarge", "g4dn.xlarge", "t3.medium", "m7i-flex.large",
                "r5dn.large", "inf2.xlarge")) {
            assertEquals("AL2023_x86_64_STANDARD", NodeGroups.amiType(group("g", List.of(x86), 1, 1, 1)), x86);
        }
        for (String arm : List.of("m7g.large", "c6gn.xlarge", "r7gd.large", "t4g.small", "im4gn.large", "a1.medium",
                "g5g.xlarge")) {
            assertEquals("AL2023_ARM_64_STANDARD", NodeGroups.amiType(group("g", List.of(arm), 1, 1, 1)), arm);
        }
    }
}
