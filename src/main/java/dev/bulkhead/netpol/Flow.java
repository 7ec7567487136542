package dev.bulkhead.netpol;

import java.util.Objects;

/** A connection attempt: from one endpoint to another, on a destination port and protocol. */
public record Flow(Endpoint from, Endpoint to, int port, Protocol protocol) {

    public Flow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(protocol, "protocol");
        checkPort(port);
    }

    public static Flow tcp(Endpoint from, Endpoint to, int port) {
        return new Flow(from, to, port, Protocol.TCP);
    }

    public static Flow udp(Endpoint from, Endpoint to, int port) {
        return new Flow(from, to, port, Protocol.UDP);
    }

    static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
