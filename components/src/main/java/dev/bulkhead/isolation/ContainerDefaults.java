package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.QuotaSpec;

import java.util.List;
import java.util.Map;

/**
 * The namespace's LimitRange: default requests and limits for containers that set none, so that every pod fits the
 * quota (a quota on {@code limits.*} rejects pods without limits).
 */
public final class ContainerDefaults {

    public static final String NAME = "container-defaults";

    private ContainerDefaults() {
    }

    public static Manifest of(Compartment compartment) {
        QuotaSpec quota = compartment.quota();
        return Manifest.namespaced("v1", "LimitRange", compartment.namespace(), NAME, compartment.labels(),
                Map.of("limits", List.of(Map.of(
                        "type", "Container",
                        "defaultRequest", Map.of("cpu", quota.defaultRequestCpu(), "memory",
                                quota.defaultRequestMemory()),
                        "default", Map.of("cpu", quota.defaultLimitCpu(), "memory", quota.defaultLimitMemory())))));
    }
}
