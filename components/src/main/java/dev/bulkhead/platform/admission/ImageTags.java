package dev.bulkhead.platform.admission;

import dev.bulkhead.manifest.Manifest;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.platform.admission.Kyverno.condition;
import static dev.bulkhead.platform.admission.Kyverno.everyContainer;

/**
 * Every project image names an explicit tag or digest, and the tag is not {@code latest}: what runs is what was
 * reviewed. A registry port ({@code host:5000/app}) is not a tag, which is why this is a regular expression on the
 * last path segment rather than "contains a colon".
 */
public final class ImageTags {

    public static final String NAME = "bulkhead-image-tags";
    /** A digest, or (with no digest part) a tag after the last slash. */
    public static final String TAG_OR_DIGEST =
            "(^[^@]+@sha256:[0-9a-f]{64}$)|(^[^@]*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$)";

    private ImageTags() {
    }

    public static Manifest of(AdmissionContext context) {
        return Kyverno.clusterPolicy(NAME, List.of(
                Kyverno.tenantPodRule("tag-or-digest-required", Map.of(
                        "failureAction", Kyverno.ENFORCE,
                        "message", "images must name a tag or a digest",
                        "foreach", List.of(Map.of(
                                "list", "request.object.spec.[ephemeralContainers, initContainers, containers][]",
                                "deny", Map.of("conditions", Map.of("any", List.of(condition(
                                        "{{ regex_match('" + TAG_OR_DIGEST + "', element.image) }}", "Equals",
                                        false)))))))),
                Kyverno.tenantPodPattern("no-latest-tag", "the latest tag is not allowed",
                        everyContainer(Map.of("image", "!*:latest")))));
    }
}
