package dev.bulkhead.kubernetes;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;

/**
 * A YAML file of Kubernetes objects the Kubernetes provider fetches and applies itself
 * ({@code kubernetes:yaml/v2:ConfigFile}, a provider-side component). The 4.0.0 Java SDK has no class for it, so
 * this registers the component remotely by its type token; the provider downloads {@code file} at deploy time,
 * while the mock engine only records the URL (nothing is downloaded by {@code render} or the tests). The component
 * needs a plugin of {@link KubernetesPlugin#VERSION}, which it asks for itself as well.
 */
public final class RemoteManifest extends ComponentResource {

    public static final String TYPE = "kubernetes:yaml/v2:ConfigFile";

    /** The manifest at {@code file}, applied through {@code provider}, as a child of {@code parent}. */
    public RemoteManifest(String name, String file, Resource parent, ProviderResource provider) {
        super(TYPE, name, new Args(file), ComponentResourceOptions.builder()
                .parent(parent)
                .provider(provider)
                .version(KubernetesPlugin.VERSION)
                .build(), true);
    }

    /** The component's only input: the file's URL (pinned to a release by the caller). */
    static final class Args extends ResourceArgs {

        @Import(name = "file", required = true)
        private final Output<String> file;

        Args(String file) {
            this.file = Output.of(file);
        }
    }
}
