package dev.bulkhead.check;

import dev.bulkhead.netpol.Protocol;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asks {@code reach} every cell of {@code check}'s matrix, by the names a person would type ({@link Probe#question}),
 * and demands the same verdict: allowed where the matrix lists the flow, denied everywhere else.
 */
final class Agreement {

    private Agreement() {
    }

    /** @return the number of cells compared */
    static int assertReachAgreesWithTheMatrix(RenderView view) throws ReachQuestion.BadQuestion {
        Connectivity matrix = view.connectivity();
        Set<String> allowed = new HashSet<>();
        matrix.allowed().forEach(f -> allowed.add(key(f.from(), f.to(), f.port(), f.protocol())));
        Reachability reachability = new Reachability(view);
        EndpointResolver resolver = new EndpointResolver(view);
        int cells = 0;
        int allowedCells = 0;
        for (Probe from : matrix.probes()) {
            Target source = resolver.resolve("FROM", from.question());
            for (Probe to : matrix.probes()) {
                if (!Connectivity.considered(from, to)) {
                    continue;
                }
                Target destination = resolver.resolve("TO", to.question());
                for (int port : matrix.ports()) {
                    for (Protocol protocol : Connectivity.PROTOCOLS) {
                        if (!Connectivity.probed(port, protocol)) {
                            continue;
                        }
                        ReachAnswer answer = ReachAnswer.ask(view, reachability, source, destination, port, protocol,
                                Optional.empty());
                        boolean inMatrix = allowed.contains(key(from, to, port, protocol));
                        assertEquals(inMatrix, answer.verdict().exitCode() == 0, "reach " + from.question() + " "
                                + to.question() + " " + port + "/" + protocol + " disagrees with check's matrix:\n"
                                + answer.text());
                        cells++;
                        allowedCells += inMatrix ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(allowedCells > 0 && allowedCells < cells, allowedCells + " of " + cells + " cells allowed");
        return cells;
    }

    private static String key(Probe from, Probe to, int port, Protocol protocol) {
        return from.name() + "|" + to.name() + "|" + port + "|" + protocol;
    }
}
