package dev.bulkhead.model;

import java.util.List;
import java.util.Map;

/**
 * One EKS managed node group. Nodes always run in the private subnets with IMDSv2 and encrypted volumes;
 * only the shape of the group is configurable.
 */
public record NodeGroupSpec(
        String name,
        List<String> instanceTypes,
        int minSize,
        int desiredSize,
        int maxSize,
        int diskSizeGib,
        Map<String, String> labels,
        List<Taint> taints) {

    public NodeGroupSpec {
        instanceTypes = List.copyOf(instanceTypes);
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }
}
