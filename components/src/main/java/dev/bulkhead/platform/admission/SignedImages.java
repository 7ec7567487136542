package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Only images signed with the configured cosign key run in project namespaces; Kyverno also pins each admitted
 * image to the digest it verified. The cluster is private, so verification uses the key alone: the public Rekor
 * transparency log and certificate-transparency checks are skipped.
 */
public final class SignedImages {

    public static final String NAME = "bulkhead-signed-images";

    private SignedImages() {
    }

    public static Manifest of(AdmissionContext context) {
        String key = context.signature().orElseThrow(() ->
                new IllegalArgumentException("admission: signed images need a signature key"));
        Map<String, Object> keys = Map.of(
                "publicKeys", key,
                "rekor", Map.of("ignoreTlog", true),
                "ctlog", Map.of("ignoreSCT", true));
        Map<String, Object> verify = new LinkedHashMap<>();
        verify.put("imageReferences", AllowedRegistries.references(context.registries()));
        verify.put("failureAction", Kyverno.ENFORCE);
        verify.put("mutateDigest", true);
        verify.put("verifyDigest", true);
        verify.put("required", true);
        verify.put("attestors", List.of(Map.of("count", 1, "entries", List.of(Map.of("keys", keys)))));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", "verify-signatures");
        rule.put("match", Kyverno.workloadPods());
        rule.put("verifyImages", List.of(verify));
        Map<String, Object> spec = new LinkedHashMap<>();
        // image verification happens at admission only: a background scan cannot mutate digests
        spec.put("background", false);
        spec.put("webhookTimeoutSeconds", 30);
        spec.put("rules", List.of(rule));
        return new Manifest(Kyverno.API_VERSION, Kyverno.KIND, NAME, null, Kyverno.LABELS, Map.of("spec", spec),
                false);
    }
}
