package dev.bulkhead.runtime;

import com.pulumi.test.Mocks;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Mocks that create every resource except those whose name starts with {@code refused}. */
final class ThingMocks implements Mocks {

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (args.name.startsWith("refused")) {
            return CompletableFuture.failedFuture(new IllegalStateException("the cloud refuses " + args.name));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(Map.of());
    }
}
