package dev.bulkhead.isolation;

import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.QuotaSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The projects and platform the isolation tests generate for. */
public final class Fixtures {

    public static final PlatformSpec PLATFORM = new PlatformSpec("cluster.local", "monitoring", List.of());
    public static final Map<String, String> GENERATED_LABELS = Map.of(
            "app.kubernetes.io/managed-by", "bulkhead",
            "bulkhead.dev/component", "isolation",
            "bulkhead.dev/project", "shop");

    private Fixtures() {
    }

    public static ProjectSpec project(String name, List<String> namespaces, List<Integer> metricsPorts) {
        return new ProjectSpec(name, namespaces, List.of(), Optional.empty(), List.of(), List.of(),
                QuotaSpec.defaults(), metricsPorts);
    }

    /** {@code shop} with namespaces shop-web and shop-api, scraped on 15020 only (the config default). */
    public static ProjectSpec shop() {
        return project("shop", List.of("shop-web", "shop-api"), List.of(15020));
    }

    public static ProjectSpec billing() {
        return project("billing", List.of("billing-ledger"), List.of(15020, 9090));
    }

    /** The compartment of shop-web. */
    public static Compartment shopWeb() {
        return Compartment.of(shop(), PLATFORM, "shop-web");
    }
}
