package dev.bulkhead.render;

import java.util.Map;
import java.util.Optional;

/**
 * One resource of a render, as written to {@code resources.json}: its URN, type, logical name, parent and
 * provider URNs, and its inputs as plain JSON values (maps, lists, strings, numbers, booleans).
 */
public record RenderedResource(String urn, String type, String name, Optional<String> parent,
                               Optional<String> provider, Map<String, Object> inputs) {

    public boolean isComponent() {
        return type.startsWith("bulkhead:") || type.equals("pulumi:pulumi:Stack");
    }

    public boolean isKubernetesObject() {
        return type.startsWith("kubernetes:") && !isHelmRelease() && !isRemoteManifest();
    }

    /** A file of Kubernetes objects the provider fetches at deploy time ({@code kubernetes:yaml/v2:ConfigFile}). */
    public boolean isRemoteManifest() {
        return type.startsWith("kubernetes:yaml/");
    }

    public boolean isHelmRelease() {
        return type.startsWith("kubernetes:helm.sh/");
    }
}
