package dev.bulkhead.check;

import dev.bulkhead.netpol.Flow;
import dev.bulkhead.netpol.Protocol;
import dev.bulkhead.netpol.Verdict;

/**
 * One allowed flow of the matrix and how it is justified: {@code reason} says which declared path it is, or is
 * null when nothing in config declared it (a violation).
 */
public record AllowedFlow(Probe from, Probe to, int port, Protocol protocol, Verdict verdict, String reason) {

    public boolean declared() {
        return reason != null;
    }

    public Flow flow() {
        return verdict.flow();
    }

    public String portText() {
        return port + "/" + protocol;
    }
}
