package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The platform's Kyverno ClusterPolicies, in a fixed order. Which policies exist is known when the program starts
 * (only image signatures are optional); their content may depend on deploy-time values, see
 * {@link AdmissionContext}.
 */
public final class AdmissionPolicies {

    /** One policy: its name, known up front, and how to build it. */
    public record Generator(String name, Function<AdmissionContext, Manifest> build) {
    }

    private AdmissionPolicies() {
    }

    public static List<Generator> generators(boolean verifySignatures) {
        List<Generator> generators = new ArrayList<>(List.of(
                new Generator(RestrictedPodSecurity.NAME, RestrictedPodSecurity::of),
                new Generator(ResourcesAndProbes.NAME, ResourcesAndProbes::of),
                new Generator(NoServiceAccountToken.NAME, NoServiceAccountToken::of),
                new Generator(PlatformOwnedIdentities.NAME, PlatformOwnedIdentities::of),
                new Generator(AllowedRegistries.NAME, AllowedRegistries::of),
                new Generator(ImageTags.NAME, ImageTags::of),
                new Generator(NoHostAccess.NAME, NoHostAccess::of),
                new Generator(ClusterIpServicesOnly.NAME, ClusterIpServicesOnly::of)));
        if (verifySignatures) {
            generators.add(new Generator(SignedImages.NAME, SignedImages::of));
        }
        return List.copyOf(generators);
    }

    public static List<Manifest> all(AdmissionContext context) {
        return generators(context.signature().isPresent()).stream().map(g -> g.build().apply(context)).toList();
    }
}
