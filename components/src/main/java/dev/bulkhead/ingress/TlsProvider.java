package dev.bulkhead.ingress;

import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;

/** The version of Pulumi's {@code tls} provider plugin the gateway certificates are made with. */
public final class TlsProvider {

    /** Pinned so that a new plugin release never changes a plan by itself. */
    public static final String VERSION = "5.6.2";

    private TlsProvider() {
    }

    /** {@code options} with the plugin version set. */
    static CustomResourceOptions options(@Nullable CustomResourceOptions options) {
        return CustomResourceOptions.merge(options, CustomResourceOptions.builder().version(VERSION).build());
    }
}
