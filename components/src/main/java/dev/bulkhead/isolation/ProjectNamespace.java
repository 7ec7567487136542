package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.naming.Labels;

import java.util.Map;
import java.util.TreeMap;

/**
 * A project namespace: labelled with its project (what NetworkPolicies select), enrolled in the ambient mesh, and
 * under Pod Security {@code restricted}.
 */
public final class ProjectNamespace {

    private ProjectNamespace() {
    }

    public static Manifest of(Compartment compartment) {
        Map<String, String> labels = new TreeMap<>(compartment.labels());
        labels.put(Labels.AMBIENT, Labels.AMBIENT_VALUE);
        labels.putAll(PodSecurity.labels());
        // The API server sets this label itself; writing it keeps rendered output complete for selector checks.
        labels.put(Labels.NAMESPACE_NAME, compartment.namespace());
        return new Manifest("v1", "Namespace", compartment.namespace(), null, labels, Map.of(), false);
    }
}
