package dev.bulkhead.network;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ipv4CidrTest {

    @Test
    void parsesAndPrintsTheSameBlock() {
        for (String text : new String[]{"0.0.0.0/0", "10.40.0.0/16", "192.168.1.128/25", "203.0.113.7/32"}) {
            assertEquals(text, Ipv4Cidr.parse(text).toString());
        }
    }

    @Test
    void carvesSubnetsInOrder() {
        Ipv4Cidr vpc = Ipv4Cidr.parse("10.0.0.0/16");
        assertEquals("10.0.0.0/19", vpc.subnet(19, 0).toString());
        assertEquals("10.0.224.0/19", vpc.subnet(19, 7).toString());
        assertThrows(IllegalArgumentException.class, () -> vpc.subnet(19, 8));
        assertThrows(IllegalArgumentException.class, () -> vpc.subnet(15, 0));
    }

    @Test
    void containmentAndOverlap() {
        Ipv4Cidr vpc = Ipv4Cidr.parse("10.0.0.0/16");
        assertTrue(vpc.contains(Ipv4Cidr.parse("10.0.255.0/24")));
        assertFalse(vpc.contains(Ipv4Cidr.parse("10.1.0.0/24")));
        assertTrue(vpc.overlaps(Ipv4Cidr.parse("10.0.0.0/8")));
        assertFalse(vpc.overlaps(Ipv4Cidr.parse("172.20.0.0/16")));
    }

    @Test
    void rejectsWhatIsNotACanonicalIpv4Cidr() {
        for (String text : new String[]{"10.0.0.1/16", "256.0.0.0/8", "10.0.0.0/33", "10.0.0.0", "::/0", "", "x"}) {
            assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse(text), text);
        }
    }
}
