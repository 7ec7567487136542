package dev.bulkhead.manifest;

import com.pulumi.core.Either;
import com.pulumi.kubernetes.core.v1.LimitRange;
import com.pulumi.kubernetes.core.v1.LimitRangeArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ResourceQuota;
import com.pulumi.kubernetes.core.v1.ResourceQuotaArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccountPatch;
import com.pulumi.kubernetes.core.v1.ServiceAccountPatchArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeItemArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceQuotaSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.kubernetes.KubernetesCustomResource;
import dev.bulkhead.kubernetes.KubernetesCustomResourceArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the Pulumi resource for a {@link Manifest}: the Kubernetes SDK's typed class for the built-in kinds
 * Bulkhead generates (Namespace, ServiceAccount patch, ResourceQuota, LimitRange, Service, NetworkPolicy, and the
 * RBAC kinds through {@link RbacResources}), and {@link KubernetesCustomResource} for every other kind. A field the conversion does not know fails the
 * program rather than being dropped.
 */
public final class ManifestResources {

    private ManifestResources() {
    }

    public static CustomResource create(String logicalName, Manifest manifest, CustomResourceOptions options) {
        String type = manifest.apiVersion() + "/" + manifest.kind();
        if (manifest.patch() && !type.equals("v1/ServiceAccount")) {
            throw new IllegalArgumentException(manifest.id() + ": only ServiceAccounts are patched");
        }
        var read = new StrictReader(manifest);
        return switch (type) {
            case "v1/Namespace" -> {
                read.onlyKeys(manifest.body(), "", Set.of());
                yield new Namespace(logicalName, NamespaceArgs.builder().metadata(metadata(manifest)).build(),
                        options);
            }
            case "v1/ServiceAccount" -> serviceAccountPatch(logicalName, manifest, read, options);
            case "v1/ResourceQuota" -> {
                read.onlyKeys(manifest.body(), "", Set.of("spec"));
                read.onlyKeys(manifest.spec(), "spec", Set.of("hard"));
                yield new ResourceQuota(logicalName, ResourceQuotaArgs.builder()
                        .metadata(metadata(manifest))
                        .spec(ResourceQuotaSpecArgs.builder()
                                .hard(read.stringMap(manifest.spec().get("hard"), "spec.hard"))
                                .build())
                        .build(), options);
            }
            case "v1/LimitRange" -> limitRange(logicalName, manifest, read, options);
            case "v1/Service" -> service(logicalName, manifest, read, options);
            case RbacResources.API + "/ClusterRole", RbacResources.API + "/ClusterRoleBinding",
                    RbacResources.API + "/RoleBinding" -> RbacResources.create(logicalName, manifest, read, options);
            case "networking.k8s.io/v1/NetworkPolicy" -> {
                read.onlyKeys(manifest.body(), "", Set.of("spec"));
                yield new NetworkPolicy(logicalName, NetworkPolicyArgs.builder()
                        .metadata(metadata(manifest))
                        .spec(NetworkPolicyArgsReader.spec(manifest))
                        .build(), options);
            }
            default -> {
                read.onlyKeys(manifest.body(), "", Set.of("spec"));
                yield new KubernetesCustomResource(logicalName, KubernetesCustomResourceArgs.builder()
                        .apiVersion(manifest.apiVersion())
                        .kind(manifest.kind())
                        .metadata(metadata(manifest))
                        .spec(manifest.spec())
                        .build(), options);
            }
        };
    }

    private static ServiceAccountPatch serviceAccountPatch(String logicalName, Manifest manifest, StrictReader read,
                                                           CustomResourceOptions options) {
        if (!manifest.patch()) {
            throw new IllegalArgumentException(manifest.id()
                    + ": Bulkhead creates no ServiceAccounts for user apps; only the default one is patched");
        }
        read.onlyKeys(manifest.body(), "", Set.of("automountServiceAccountToken"));
        var meta = ObjectMetaPatchArgs.builder().name(manifest.name()).namespace(manifest.namespace());
        if (!manifest.labels().isEmpty()) {
            meta.labels(manifest.labels());
        }
        return new ServiceAccountPatch(logicalName, ServiceAccountPatchArgs.builder()
                .metadata(meta.build())
                .automountServiceAccountToken(read.bool(manifest.body().get("automountServiceAccountToken"),
                        "automountServiceAccountToken"))
                .build(), options);
    }

    /** A ClusterIP Service: a selector and numbered TCP ports, nothing else. */
    private static Service service(String logicalName, Manifest manifest, StrictReader read,
                                   CustomResourceOptions options) {
        read.onlyKeys(manifest.body(), "", Set.of("spec"));
        read.onlyKeys(manifest.spec(), "spec", Set.of("type", "selector", "ports"));
        if (!"ClusterIP".equals(read.string(manifest.spec().get("type"), "spec.type"))) {
            throw new IllegalArgumentException(manifest.id() + ": only ClusterIP Services are generated");
        }
        List<ServicePortArgs> ports = new ArrayList<>();
        List<?> items = read.list(manifest.spec().get("ports"), "spec.ports");
        for (int i = 0; i < items.size(); i++) {
            String path = "spec.ports[" + i + "]";
            Map<String, Object> item = read.map(items.get(i), path);
            read.onlyKeys(item, path, Set.of("name", "port", "targetPort", "protocol"));
            ports.add(ServicePortArgs.builder()
                    .name(read.string(item.get("name"), path + ".name"))
                    .port((Integer) item.get("port"))
                    .targetPort(Either.ofLeft((Integer) item.get("targetPort")))
                    .protocol(read.string(item.get("protocol"), path + ".protocol"))
                    .build());
        }
        return new Service(logicalName, ServiceArgs.builder()
                .metadata(metadata(manifest))
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(read.stringMap(manifest.spec().get("selector"), "spec.selector"))
                        .ports(ports)
                        .build())
                .build(), options);
    }

    private static LimitRange limitRange(String logicalName, Manifest manifest, StrictReader read,
                                         CustomResourceOptions options) {
        read.onlyKeys(manifest.body(), "", Set.of("spec"));
        read.onlyKeys(manifest.spec(), "spec", Set.of("limits"));
        List<LimitRangeItemArgs> items = new ArrayList<>();
        List<?> limits = read.list(manifest.spec().get("limits"), "spec.limits");
        for (int i = 0; i < limits.size(); i++) {
            String path = "spec.limits[" + i + "]";
            Map<String, Object> item = read.map(limits.get(i), path);
            read.onlyKeys(item, path, Set.of("type", "default", "defaultRequest", "max", "min"));
            var args = LimitRangeItemArgs.builder().type(read.string(item.get("type"), path + ".type"));
            if (item.containsKey("default")) {
                args.default_(read.stringMap(item.get("default"), path + ".default"));
            }
            if (item.containsKey("defaultRequest")) {
                args.defaultRequest(read.stringMap(item.get("defaultRequest"), path + ".defaultRequest"));
            }
            if (item.containsKey("max")) {
                args.max(read.stringMap(item.get("max"), path + ".max"));
            }
            if (item.containsKey("min")) {
                args.min(read.stringMap(item.get("min"), path + ".min"));
            }
            items.add(args.build());
        }
        return new LimitRange(logicalName, LimitRangeArgs.builder()
                .metadata(metadata(manifest))
                .spec(LimitRangeSpecArgs.builder().limits(items).build())
                .build(), options);
    }

    /** The object's metadata as the typed resources take it: name, namespace, labels and annotations. */
    static ObjectMetaArgs metadata(Manifest manifest) {
        var meta = ObjectMetaArgs.builder().name(manifest.name());
        if (manifest.namespace() != null) {
            meta.namespace(manifest.namespace());
        }
        if (!manifest.labels().isEmpty()) {
            meta.labels(manifest.labels());
        }
        if (!manifest.annotations().isEmpty()) {
            meta.annotations(manifest.annotations());
        }
        return meta.build();
    }
}
