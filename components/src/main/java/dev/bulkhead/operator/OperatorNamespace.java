package dev.bulkhead.operator;

import dev.bulkhead.isolation.PodSecurity;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.naming.Labels;

import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's namespace, which also holds the project Stacks and their workspace pods: Pod Security
 * {@code restricted} (the manager runs as 65532 and the workspaces use the operator's restricted security
 * profile), and not in the ambient mesh, so its NetworkPolicies see the real ports.
 */
public final class OperatorNamespace {

    private OperatorNamespace() {
    }

    public static Manifest of(String namespace) {
        Map<String, String> labels = new TreeMap<>(PulumiOperator.labels());
        labels.putAll(PodSecurity.labels());
        labels.put(Labels.NAMESPACE_NAME, namespace);
        return new Manifest("v1", "Namespace", namespace, null, labels, Map.of(), false);
    }
}
