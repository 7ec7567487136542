package dev.bulkhead.netpol;

import java.util.BitSet;
import java.util.List;

/**
 * Which endpoints may reach which on one port and protocol: the all-pairs view that {@code reach} prints and that
 * tests of rendered policies compare against an expected picture. Built by {@link NetworkPolicyEvaluator#matrix}.
 */
public final class ReachabilityMatrix {

    private final List<Endpoint> endpoints;
    private final int port;
    private final Protocol protocol;
    private final BitSet allowed;

    /** @param allowed bit {@code from * n + to} is set when endpoint {@code from} may reach endpoint {@code to} */
    ReachabilityMatrix(List<Endpoint> endpoints, int port, Protocol protocol, BitSet allowed) {
        this.endpoints = List.copyOf(endpoints);
        this.port = port;
        this.protocol = protocol;
        this.allowed = (BitSet) allowed.clone();
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public int port() {
        return port;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** By position in {@link #endpoints()}. */
    public boolean allows(int from, int to) {
        return allowed.get(index(from) * endpoints.size() + index(to));
    }

    /** By endpoint; both must be among {@link #endpoints()}. */
    public boolean allows(Endpoint from, Endpoint to) {
        return allows(position(from), position(to));
    }

    /**
     * A grid for people: one row per source, one column per destination, {@code X} where the flow is allowed.
     * <pre>
     * TCP 8080 (row: from, column: to, X: allowed)
     *     0 1
     * 0   X .  shop-web/{app=web}
     * 1   . X  billing/{app=db}
     * </pre>
     */
    public String table() {
        int n = endpoints.size();
        int width = String.valueOf(Math.max(n - 1, 0)).length();
        String cell = "%" + width + "s";
        StringBuilder out = new StringBuilder()
                .append(protocol).append(' ').append(port).append(" (row: from, column: to, X: allowed)\n")
                .append(" ".repeat(width + 2));
        for (int to = 0; to < n; to++) {
            out.append(' ').append(String.format(cell, to));
        }
        out.append('\n');
        for (int from = 0; from < n; from++) {
            out.append(String.format(cell, from)).append("  ");
            for (int to = 0; to < n; to++) {
                out.append(' ').append(String.format(cell, allows(from, to) ? "X" : "."));
            }
            out.append("  ").append(endpoints.get(from).describe()).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return table();
    }

    private int index(int position) {
        if (position < 0 || position >= endpoints.size()) {
            throw new IndexOutOfBoundsException("no endpoint at " + position + " of " + endpoints.size());
        }
        return position;
    }

    private int position(Endpoint endpoint) {
        int position = endpoints.indexOf(endpoint);
        if (position < 0) {
            throw new IllegalArgumentException("not in this matrix: " + endpoint.describe());
        }
        return position;
    }
}
