package dev.bulkhead.mock;

import java.util.Map;
import java.util.Optional;

/**
 * What the mock engine was asked to create: a resource's type, logical name, inputs (plain JSON-like values)
 * and the URN of the provider it was given, if any.
 */
public record RecordedResource(String type, String name, Map<String, Object> inputs, Optional<String> providerUrn) {

    public RecordedResource {
        inputs = Map.copyOf(inputs);
    }

    /** True for the registration of a provider (a {@code pulumi:providers:*} resource). */
    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }
}
