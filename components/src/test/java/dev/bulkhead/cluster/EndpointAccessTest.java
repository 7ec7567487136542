package dev.bulkhead.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointAccessTest {

    @Test
    void privateOnlyWithoutCidrs() {
        var access = new EndpointAccess(List.of(), List.of());
        assertFalse(access.publicAccess());
        assertEquals(List.of(), access.publicAccessCidrs());
    }

    @Test
    void publicOnlyForTheListedCidrsWithoutDuplicates() {
        var access = new EndpointAccess(List.of("203.0.113.0/24", " 198.51.100.7/32", "203.0.113.0/24"), List.of());
        assertTrue(access.publicAccess());
        assertEquals(List.of("203.0.113.0/24", "198.51.100.7/32"), access.publicAccessCidrs());
    }

    @Test
    void theWholeInternetIsRefused() {
        var v4 = assertThrows(IllegalArgumentException.class,
                () -> new EndpointAccess(List.of("203.0.113.0/24", "0.0.0.0/0"), List.of()));
        assertEquals("publicAccessCidrs: 0.0.0.0/0 would open the Kubernetes API to the whole internet; list the"
                + " exact networks that need it", v4.getMessage());
        var v6 = assertThrows(IllegalArgumentException.class, () -> new EndpointAccess(List.of("::/0"), List.of()));
        assertEquals("publicAccessCidrs: ::/0 would open the Kubernetes API to the whole internet; list the exact"
                + " networks that need it", v6.getMessage());
    }

    @Test
    void blocksBroaderThanASlash8AreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new EndpointAccess(List.of("0.0.0.0/1"), List.of()));
        assertEquals("publicAccessCidrs: 0.0.0.0/1 is broader than a /8; list the exact networks that need the"
                + " Kubernetes API", e.getMessage());
    }

    @Test
    void malformedAndIpv6CidrsAreRefused() {
        var malformed = assertThrows(IllegalArgumentException.class,
                () -> new EndpointAccess(List.of("203.0.113.1/24"), List.of()));
        assertEquals("publicAccessCidrs: not a canonical IPv4 CIDR (host bits set): 203.0.113.1/24",
                malformed.getMessage());
        var v6 = assertThrows(IllegalArgumentException.class,
                () -> new EndpointAccess(List.of("2001:db8::/32"), List.of()));
        assertEquals("publicAccessCidrs: only IPv4 CIDRs are supported, got 2001:db8::/32", v6.getMessage());
    }

    @Test
    void apiClientCidrsFollowTheSameRules() {
        var e = assertThrows(IllegalArgumentException.class, () -> new EndpointAccess(List.of(), List.of("0.0.0.0/0")));
        assertTrue(e.getMessage().startsWith("apiClientCidrs: 0.0.0.0/0"), e.getMessage());
        assertEquals(List.of("10.99.0.0/16"), new EndpointAccess(List.of(), List.of("10.99.0.0/16")).apiClientCidrs());
    }
}
