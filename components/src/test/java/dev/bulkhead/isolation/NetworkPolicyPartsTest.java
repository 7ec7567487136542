package dev.bulkhead.isolation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parts refuse the peers that would open a compartment to everything. */
class NetworkPolicyPartsTest {

    @Test
    void aNamespaceSelectorWithoutLabelsIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> NetworkPolicyParts.namespaces(Map.of()));
        assertEquals("an empty selector here would select everything", e.getMessage());
    }

    @Test
    void podsInANamespaceNeedPodLabels() {
        assertThrows(IllegalArgumentException.class, () -> NetworkPolicyParts.podsIn("kube-system", Map.of()));
    }

    @Test
    void theWholeInternetIsRefused() {
        for (String cidr : List.of("0.0.0.0/0", "10.0.0.0/0", "10.0.0.0/00", "10.0.0.0", "10.0.0.0/x")) {
            var e = assertThrows(IllegalArgumentException.class, () -> NetworkPolicyParts.ipBlock(cidr), cidr);
            assertEquals("not a narrow IPv4 block: '" + cidr + "'", e.getMessage());
        }
        assertEquals(Map.of("ipBlock", Map.of("cidr", "10.0.0.0/8")), NetworkPolicyParts.ipBlock("10.0.0.0/8"));
    }

    @Test
    void aRuleWithoutPeersIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> NetworkPolicyParts.from(List.of(), List.of()));
        assertEquals("a NetworkPolicy rule needs at least one peer", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NetworkPolicyParts.to(List.of(), List.of(NetworkPolicyParts.tcp(443))));
    }

    @Test
    void aRuleWithoutPortsHasNoPortsField() {
        var peer = NetworkPolicyParts.ipBlock("10.0.0.0/8");
        assertEquals(Map.of("to", List.of(peer)), NetworkPolicyParts.to(List.of(peer), List.of()));
    }
}
