package dev.bulkhead.check;

import java.util.Map;

/**
 * A rendered workload's pod template as the checks see its pods: their labels, the ServiceAccount they run as
 * (their mesh identity) and whether they use the node's network.
 *
 * @param kind           {@code Deployment}, {@code StatefulSet}, {@code DaemonSet}, {@code Job} or {@code CronJob}
 * @param serviceAccount {@code spec.serviceAccountName}, {@code default} when the template names none
 */
public record Workload(String kind, String namespace, String name, Map<String, String> labels,
                       String serviceAccount, boolean hostNetwork) {

    public Workload {
        labels = Map.copyOf(labels);
    }

    /** {@code namespace/name}, as {@code reach} and the reports write a workload. */
    public String id() {
        return namespace + "/" + name;
    }
}
