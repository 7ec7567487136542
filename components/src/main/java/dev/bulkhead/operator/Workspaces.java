package dev.bulkhead.operator;

import java.util.Map;

/**
 * Facts about the pods the operator runs for each Stack (its "workspaces"), as the operator's workspace
 * controller sets them: their labels and the port of the agent the operator drives over gRPC.
 */
public final class Workspaces {

    /** Every workspace pod carries this label, whatever its Stack. */
    public static final Map<String, String> POD_LABELS = Map.of("auto.pulumi.com/component", "workspace");
    /** The workspace agent's gRPC port, which only the operator may reach. */
    public static final int GRPC_PORT = 50051;
    /** The only port workspaces and the operator use outside the cluster network: HTTPS. */
    public static final int HTTPS = 443;

    private Workspaces() {
    }
}
