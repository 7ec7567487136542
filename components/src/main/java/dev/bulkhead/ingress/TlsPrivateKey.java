package dev.bulkhead.ingress;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;

/**
 * A private key made by Pulumi's {@code tls} provider ({@value #TYPE}). The provider's Java SDK is not published
 * on Maven Central, so its resource is registered through this small class; the engine runs the provider plugin
 * pinned by {@link TlsProvider#VERSION}. The key lives only in the (encrypted) stack state and the gateway's Secret.
 */
public final class TlsPrivateKey extends CustomResource {

    public static final String TYPE = "tls:index/privateKey:PrivateKey";

    @Export(name = "privateKeyPem", refs = {String.class}, tree = "[0]")
    private Output<String> privateKeyPem;

    /** An ECDSA P-256 key. */
    public TlsPrivateKey(String name, @Nullable CustomResourceOptions options) {
        super(TYPE, name, new Args(), TlsProvider.options(options));
    }

    /** The key in PEM; a secret. */
    public Output<String> privateKeyPem() {
        return privateKeyPem;
    }

    private static final class Args extends ResourceArgs {

        @Import(name = "algorithm", required = true)
        private final Output<String> algorithm = Output.of("ECDSA");

        @Import(name = "ecdsaCurve")
        private final Output<String> ecdsaCurve = Output.of("P256");
    }
}
