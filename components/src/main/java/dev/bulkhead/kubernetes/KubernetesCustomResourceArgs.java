package dev.bulkhead.kubernetes;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of a {@link KubernetesCustomResource}: the object's apiVersion, kind, metadata and spec. The spec is a
 * plain JSON-like tree (maps, lists, strings, numbers, booleans) wrapped in an {@link Output} so that values
 * coming from other resources (an ALB target group ARN, say) can be placed in it.
 */
public final class KubernetesCustomResourceArgs extends ResourceArgs {

    @Import(name = "apiVersion", required = true)
    private Output<String> apiVersion;

    @Import(name = "kind", required = true)
    private Output<String> kind;

    @Import(name = "metadata", required = true)
    private Output<ObjectMetaArgs> metadata;

    @Import(name = "spec")
    private @Nullable Output<Map<String, Object>> spec;

    private String apiVersionValue;
    private String kindValue;

    private KubernetesCustomResourceArgs() {
    }

    public String apiVersion() {
        return apiVersionValue;
    }

    public String kind() {
        return kindValue;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder in the style of the Pulumi SDKs; {@link #build()} names any missing property. */
    public static final class Builder {
        private final KubernetesCustomResourceArgs args = new KubernetesCustomResourceArgs();

        public Builder apiVersion(String apiVersion) {
            args.apiVersionValue = apiVersion;
            args.apiVersion = Output.of(apiVersion);
            return this;
        }

        public Builder kind(String kind) {
            args.kindValue = kind;
            args.kind = Output.of(kind);
            return this;
        }

        public Builder metadata(ObjectMetaArgs metadata) {
            args.metadata = Output.of(metadata);
            return this;
        }

        public Builder spec(Map<String, Object> spec) {
            args.spec = Output.of(spec);
            return this;
        }

        public Builder spec(Output<Map<String, Object>> spec) {
            args.spec = spec;
            return this;
        }

        public KubernetesCustomResourceArgs build() {
            Objects.requireNonNull(args.apiVersionValue, "KubernetesCustomResourceArgs: apiVersion is required");
            Objects.requireNonNull(args.kindValue, "KubernetesCustomResourceArgs: kind is required");
            Objects.requireNonNull(args.metadata, "KubernetesCustomResourceArgs: metadata is required");
            return args;
        }
    }
}
