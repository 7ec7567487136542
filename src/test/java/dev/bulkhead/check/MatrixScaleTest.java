package dev.bulkhead.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matrix's cost grows with the policies that apply, not with the square of the endpoints: the rules matched
 * (NetworkPolicy and AuthorizationPolicy) for twice the projects are about twice as many. A count, not a time.
 */
class MatrixScaleTest {

    @Test
    void doublingTheProjectsAboutDoublesTheWork() {
        Connectivity small = ScaledRender.of(4).connectivity();
        Connectivity large = ScaledRender.of(8).connectivity();
        assertEquals(small.probes().size() * 2 - platformProbes(small), large.probes().size(),
                "the copies add their probes");
        double ratio = (double) large.work() / small.work();
        // linear is 2; all pairs would be 4
        assertTrue(ratio < 2.4, "work grew " + ratio + "x for 2x projects: " + small.work() + " -> " + large.work());
        assertTrue(small.undeclared().isEmpty(), small.undeclared().size() + " undeclared, first "
                + small.undeclared().stream().findFirst().map(f -> f.from().name() + " -> " + f.to().name()));
    }

    private static int platformProbes(Connectivity c) {
        return (int) c.probes().stream().filter(p -> p.group().equals(Probe.PLATFORM)
                || p.group().equals(Probe.INTERNET)).count();
    }
}
