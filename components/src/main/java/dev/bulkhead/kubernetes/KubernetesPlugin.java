package dev.bulkhead.kubernetes;

/**
 * The Kubernetes provider plugin every Bulkhead Kubernetes provider runs with, pinned once here.
 *
 * <p>The Java SDK of the provider (com.pulumi:kubernetes 4.0.0, the newest on Maven Central) asks the engine for
 * plugin 4.0.0 unless a provider names another version. The Gateway API CRDs are registered as the provider's
 * {@code kubernetes:yaml/v2:ConfigFile} component ({@link RemoteManifest}), which plugins before 4.12 do not have,
 * so every explicit provider sets this version as its {@code version} resource option, and the engine runs this
 * plugin for everything registered through it. The typed classes of the 4.0.0 SDK send the same resource types and
 * properties, which later 4.x plugins accept.
 */
public final class KubernetesPlugin {

    /** A released pulumi-kubernetes plugin with {@code yaml/v2:ConfigFile} (4.12 or later). */
    public static final String VERSION = "4.18.3";

    private KubernetesPlugin() {
    }
}
