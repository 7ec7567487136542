package dev.bulkhead.operator;

import java.util.Map;
import java.util.TreeMap;

/**
 * Facts about the pods the operator runs for each Stack (its "workspaces"), as the operator's workspace
 * controller sets them (pulumi-kubernetes-operator v2, {@code labelsForStatefulSet}): every workspace pod carries
 * {@value #COMPONENT_LABEL}{@code =workspace} and {@value #NAME_LABEL} with its Workspace's name, which is its Stack's
 * name. Also the port of the agent the operator drives over gRPC.
 */
public final class Workspaces {

    public static final String COMPONENT_LABEL = "auto.pulumi.com/component";
    public static final String NAME_LABEL = "auto.pulumi.com/workspace-name";
    /** Every workspace pod carries this label, whatever its Stack. */
    public static final Map<String, String> POD_LABELS = Map.of(COMPONENT_LABEL, "workspace");
    /** The workspace agent's gRPC port, which only the operator may reach. */
    public static final int GRPC_PORT = 50051;
    /** The only port workspaces and the operator use outside the cluster network: HTTPS. */
    public static final int HTTPS = 443;

    private Workspaces() {
    }

    /** The labels of the workspace pod of the Stack named {@code stackObject}. */
    public static Map<String, String> podLabels(String stackObject) {
        Map<String, String> labels = new TreeMap<>(POD_LABELS);
        labels.put(NAME_LABEL, stackObject);
        return labels;
    }
}
