package dev.bulkhead.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AvailabilityZonesTest {

    @Test
    void takesTheFirstZonesByName() {
        assertEquals(List.of("us-east-1a", "us-east-1b"),
                AvailabilityZones.pick(List.of("us-east-1c", "us-east-1a", "us-east-1b"), 2));
    }

    @Test
    void refusesToSpanMoreZonesThanTheRegionOffers() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> AvailabilityZones.pick(List.of("us-west-1b", "us-west-1c"), 3));
        assertEquals("the network asks for 3 availability zones but the region offers 2 usable ones:"
                + " [us-west-1b, us-west-1c]", e.getMessage());
    }
}
