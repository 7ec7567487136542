package dev.bulkhead.workload;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import dev.bulkhead.ingress.GatewayApi;
import dev.bulkhead.kubernetes.KubernetesOptions;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.manifest.ManifestResources;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.naming.Labels;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The waypoint of one project namespace: a Gateway API {@code Gateway} of class {@code istio-waypoint}, from which
 * istiod deploys an Envoy (named, and running as a ServiceAccount named, {@value #NAME}) that enforces the L7 rules of
 * the namespace's apps. It serves Services only ({@code istio.io/waypoint-for: service}), and only those that opt in
 * with {@code istio.io/use-waypoint}: the apps with L7 rules. Every other app of the namespace keeps its traffic on
 * ztunnel, where its callers' own identities are checked at L4.
 */
public final class Waypoint extends ComponentResource {

    public static final String TYPE = "bulkhead:workload:Waypoint";
    public static final String NAME = "waypoint";
    public static final String GATEWAY_CLASS = "istio-waypoint";
    /** The labels Istio puts on the waypoint's pods. */
    public static final Map<String, String> POD_LABELS = Map.of(Ambient.PROXY_POD_LABEL, NAME);

    private final String namespace;
    private final CustomResource gateway;

    public Waypoint(String name, WaypointArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.namespace = args.namespace();
        Manifest manifest = gateway(args.project(), args.namespace());
        this.gateway = ManifestResources.create(name + "-gateway", manifest,
                KubernetesOptions.child(this, args.provider(), args.dependsOn()));
        registerOutputs(Map.of("namespace", Output.of(namespace), "name", Output.of(NAME)));
    }

    /** The waypoint's {@code Gateway}; creates nothing. */
    public static Manifest gateway(String project, String namespace) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
        labels.put(Labels.COMPONENT, AppLabels.COMPONENT);
        labels.put(Labels.PROJECT, project);
        labels.put(Labels.WAYPOINT_FOR, "service");
        return Manifest.namespaced(GatewayApi.V1, GatewayApi.GATEWAY, namespace, NAME, labels, Map.of(
                "gatewayClassName", GATEWAY_CLASS,
                "listeners", List.of(Map.of("name", "mesh", "port", Ambient.HBONE_PORT, "protocol", "HBONE"))));
    }

    /** The namespace whose apps it serves. */
    public String namespace() {
        return namespace;
    }

    /** The waypoint's Gateway resource; apps that use it wait for it. */
    public CustomResource resource() {
        return gateway;
    }
}
