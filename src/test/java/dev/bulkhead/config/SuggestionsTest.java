package dev.bulkhead.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("cidr", "availabilityZones", "singleNatGateway");

    @Test
    void suggestsWithinTwoEdits() {
        assertEquals(Optional.of("availabilityZones"), Suggestions.closest("availabilityZone", KEYS));
        assertEquals(Optional.of("availabilityZones"), Suggestions.closest("availabiltyZnoes", KEYS), "a swap is one edit");
        assertEquals(Optional.of("singleNatGateway"), Suggestions.closest("SingleNATGateway", KEYS), "case is ignored");
        assertEquals(Optional.empty(), Suggestions.closest("zones", KEYS));
    }

    @Test
    void distance() {
        assertEquals(0, Suggestions.distance("abc", "abc"));
        assertEquals(1, Suggestions.distance("abc", "acb"));
        assertEquals(3, Suggestions.distance("", "abc"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }
}
