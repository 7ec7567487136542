package dev.bulkhead.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {

    @Test
    void parsesAndPrints() {
        Cidr cidr = Cidr.parse("10.40.0.0/16");
        assertEquals(16, cidr.prefix());
        assertEquals("10.40.0.0/16", cidr.toString());
        assertEquals("255.255.255.255/32", Cidr.parse("255.255.255.255/32").toString());
        assertTrue(Cidr.parse("0.0.0.0/0").isAny());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.40.0.0", "10.40.0/16", "10.40.0.256/32", "10.40.0.0/33", "010.40.0.0/16", "10.40.0.0/016",
        "a.b.c.d/8", " 10.40.0.0/16", "10.40.0.0/16 "})
    void rejectsWhatIsNotAnIpv4Cidr(String text) {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
    }

    @Test
    void networkAddress() {
        assertTrue(Cidr.parse("10.40.0.0/16").isNetworkAddress());
        assertFalse(Cidr.parse("10.40.0.1/16").isNetworkAddress());
        assertEquals("10.40.0.0/16", Cidr.parse("10.40.7.9/16").network().toString());
        assertTrue(Cidr.parse("116.203.255.68/32").isNetworkAddress());
        assertTrue(Cidr.tryParse("10.40.0.1/16").isEmpty());
        assertTrue(Cidr.tryParse(null).isEmpty());
    }

    @Test
    void overlapAndContainment() {
        Cidr vpc = Cidr.parse("10.40.0.0/16");
        assertTrue(vpc.overlaps(Cidr.parse("10.40.255.0/24")));
        assertTrue(Cidr.parse("10.0.0.0/8").overlaps(vpc));
        assertFalse(vpc.overlaps(Cidr.parse("10.41.0.0/16")));
        assertFalse(vpc.overlaps(Cidr.parse("172.20.0.0/16")));
        assertTrue(Cidr.parse("0.0.0.0/0").overlaps(vpc));
        assertTrue(Cidr.parse("172.16.0.0/12").contains(Cidr.parse("172.20.0.0/16")));
        assertFalse(Cidr.parse("172.20.0.0/16").contains(Cidr.parse("172.16.0.0/12")));
    }
}
