package dev.bulkhead.network;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubnetPlanTest {

    /** Every VPC size the plan accepts, at the start and in the middle of the private ranges. */
    static List<String> vpcs() {
        List<String> vpcs = new ArrayList<>();
        for (int prefix = SubnetPlan.MIN_VPC_PREFIX; prefix <= SubnetPlan.MAX_VPC_PREFIX; prefix++) {
            vpcs.add("10.0.0.0/" + prefix);
            vpcs.add("172.16.0.0/" + prefix);
            vpcs.add("192.168.0.0/" + prefix);
        }
        vpcs.add("10.40.0.0/16");
        vpcs.add("10.200.48.0/20");
        return vpcs;
    }

    @Test
    void everySubnetFitsTheVpcAndNoneOverlapForEveryPrefixAndAzCount() {
        for (String vpcCidr : vpcs()) {
            for (int azs = 1; azs <= SubnetPlan.MAX_AZS; azs++) {
                SubnetPlan plan = SubnetPlan.of(vpcCidr, azs);
                Ipv4Cidr vpc = Ipv4Cidr.parse(vpcCidr);
                assertEquals(azs, plan.privateSubnets().size());
                assertEquals(azs, plan.publicSubnets().size());
                List<Ipv4Cidr> all = new ArrayList<>(plan.privateSubnets());
                all.addAll(plan.publicSubnets());
                all.add(plan.spare());
                for (int i = 0; i < all.size(); i++) {
                    assertTrue(vpc.contains(all.get(i)), all.get(i) + " outside " + vpc);
                    for (int j = i + 1; j < all.size(); j++) {
                        assertFalse(all.get(i).overlaps(all.get(j)),
                                vpcCidr + " x" + azs + ": " + all.get(i) + " overlaps " + all.get(j));
                    }
                }
            }
        }
    }

    @Test
    void privateSubnetsAreLargeAndPublicOnesSmallButBigEnoughForAnAlb() {
        for (String vpcCidr : vpcs()) {
            for (int azs = 1; azs <= SubnetPlan.MAX_AZS; azs++) {
                SubnetPlan plan = SubnetPlan.of(vpcCidr, azs);
                int vpcPrefix = plan.vpc().prefix();
                for (Ipv4Cidr p : plan.privateSubnets()) {
                    assertEquals(vpcPrefix + 3, p.prefix(), "a private subnet is an eighth of the VPC");
                    assertTrue(p.size() >= 512);
                }
                for (Ipv4Cidr p : plan.publicSubnets()) {
                    assertEquals(vpcPrefix + 6, p.prefix(), "a public subnet is a sixty-fourth of the VPC");
                    assertTrue(p.prefix() <= 27, "an ALB needs at least a /27");
                }
            }
        }
    }

    @Test
    void addingAZoneNeverMovesAnExistingSubnet() {
        for (String vpcCidr : vpcs()) {
            for (int azs = 1; azs < SubnetPlan.MAX_AZS; azs++) {
                SubnetPlan smaller = SubnetPlan.of(vpcCidr, azs);
                SubnetPlan larger = SubnetPlan.of(vpcCidr, azs + 1);
                assertEquals(smaller.privateCidrs(), larger.privateCidrs().subList(0, azs));
                assertEquals(smaller.publicCidrs(), larger.publicCidrs().subList(0, azs));
            }
        }
    }

    @Test
    void aSlash16WithThreeZones() {
        SubnetPlan plan = SubnetPlan.of("10.40.0.0/16", 3);
        assertEquals(List.of("10.40.0.0/19", "10.40.32.0/19", "10.40.64.0/19"), plan.privateCidrs());
        assertEquals(List.of("10.40.192.0/22", "10.40.196.0/22", "10.40.200.0/22"), plan.publicCidrs());
        assertEquals("10.40.224.0/19", plan.spare().toString());
    }

    @Test
    void aSlash20WithSixZones() {
        SubnetPlan plan = SubnetPlan.of("10.1.16.0/20", 6);
        assertEquals("10.1.16.0/23", plan.privateCidrs().get(0));
        assertEquals("10.1.26.0/23", plan.privateCidrs().get(5));
        assertEquals("10.1.28.0/26", plan.publicCidrs().get(0));
        assertEquals("10.1.29.64/26", plan.publicCidrs().get(5));
    }

    @Test
    void rejectsVpcsOutsideSlash16ToSlash20() {
        var tooBig = assertThrows(IllegalArgumentException.class, () -> SubnetPlan.of("10.0.0.0/15", 3));
        assertEquals("the VPC CIDR must be a /16 to a /20, got 10.0.0.0/15", tooBig.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SubnetPlan.of("10.0.0.0/21", 3));
    }

    @Test
    void rejectsZoneCountsOutsideOneToSix() {
        var none = assertThrows(IllegalArgumentException.class, () -> SubnetPlan.of("10.0.0.0/16", 0));
        assertEquals("the VPC spans 1 to 6 availability zones, got 0", none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SubnetPlan.of("10.0.0.0/16", 7));
    }

    @Test
    void rejectsMalformedAndNonCanonicalCidrs() {
        assertThrows(IllegalArgumentException.class, () -> SubnetPlan.of("10.0.0.1/16", 2));
        assertThrows(IllegalArgumentException.class, () -> SubnetPlan.of("10.0.0/16", 2));
        assertThrows(IllegalArgumentException.class, () -> SubnetPlan.of("fd00::/16", 2));
    }
}
