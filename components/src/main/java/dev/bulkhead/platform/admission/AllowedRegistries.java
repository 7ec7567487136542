package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.bulkhead.platform.admission.Kyverno.everyContainer;

/**
 * Project images come only from the allowed registries (by default the account's own ECR in the stack's region,
 * which the nodes reach through VPC endpoints).
 */
public final class AllowedRegistries {

    public static final String NAME = "bulkhead-allowed-registries";

    private AllowedRegistries() {
    }

    /** The Kyverno wildcard that matches images of any of the registries, e.g. {@code a/* | b/*}. */
    public static String imagePattern(List<String> registries) {
        return references(registries).stream().collect(Collectors.joining(" | "));
    }

    /** One {@code <registry>/*} reference per registry. */
    public static List<String> references(List<String> registries) {
        return registries.stream().map(r -> r + "/*").toList();
    }

    public static Manifest of(AdmissionContext context) {
        return Kyverno.clusterPolicy(NAME, List.of(Kyverno.tenantPodPattern("allowed-registries",
                "images must come from " + String.join(", ", context.registries()),
                everyContainer(Map.of("image", imagePattern(context.registries()))))));
    }
}
