package dev.bulkhead.kubernetes;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * Any Kubernetes custom resource (Istio, Gateway API, Kyverno, TargetGroupBinding, the Pulumi operator's Stack).
 * The Java SDK of the Kubernetes provider (4.0.0) has no generic {@code CustomResource}; the provider itself
 * accepts any object whose type token is {@code kubernetes:<apiVersion>:<kind>}, which is what this class sends.
 */
public class KubernetesCustomResource extends CustomResource {

    @Export(name = "apiVersion", refs = {String.class}, tree = "[0]")
    private Output<String> apiVersion;

    @Export(name = "kind", refs = {String.class}, tree = "[0]")
    private Output<String> kind;

    @Export(name = "spec", refs = {Map.class, String.class, Object.class}, tree = "[0,1,2]")
    private Output<Map<String, Object>> spec;

    public KubernetesCustomResource(String name, KubernetesCustomResourceArgs args,
                                    @Nullable CustomResourceOptions options) {
        super(typeToken(args.apiVersion(), args.kind()), name, args, options);
    }

    /** The Pulumi type token the Kubernetes provider expects for an object of this apiVersion and kind. */
    public static String typeToken(String apiVersion, String kind) {
        return "kubernetes:" + apiVersion + ":" + kind;
    }

    public Output<String> apiVersion() {
        return apiVersion;
    }

    public Output<String> kind() {
        return kind;
    }

    public Output<Map<String, Object>> spec() {
        return spec;
    }
}
