package dev.bulkhead.isolation;

import java.util.List;

/**
 * The kinds of object that decide who reaches whom, and so make up a project's perimeter: NetworkPolicies, every
 * Istio and Gateway API object, the load balancer's TargetGroupBindings, and the quota and limits that bound a
 * namespace. Only the platform writes them in a project namespace: RBAC gives no tenant identity a verb on them
 * and admission refuses them to anyone else, and the operator's project layer holds none of them.
 *
 * <p>Istio and Gateway API are guarded as whole API groups, not kind by kind, so a kind the group adds later (or one
 * not listed here, such as an EnvoyFilter) is guarded from the start. {@link #KINDS} lists the kinds a tenant could
 * use to open the perimeter, which {@code check} tries one by one.
 */
public final class PerimeterKinds {

    /**
     * One perimeter kind.
     *
     * @param group    API group, {@code ""} for the core group
     * @param version  a served version, for the apiVersion of a sample object
     * @param resource the plural resource name RBAC and admission rules use
     * @param kind     the kind
     */
    public record Kind(String group, String version, String resource, String kind) {

        /** The apiVersion of an object of this kind, e.g. {@code networking.k8s.io/v1}, or {@code v1}. */
        public String apiVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    /** API groups guarded whole: Istio's and Gateway API's. */
    public static final List<String> GUARDED_GROUPS = List.of("security.istio.io", "networking.istio.io",
            "telemetry.istio.io", "extensions.istio.io", "gateway.networking.k8s.io", "gateway.networking.x-k8s.io");

    /** Resources guarded one by one, in groups that also hold kinds tenants may use. */
    public static final List<Kind> SINGLE_KINDS = List.of(
            new Kind("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy"),
            new Kind("elbv2.k8s.aws", "v1beta1", "targetgroupbindings", "TargetGroupBinding"),
            new Kind("", "v1", "resourcequotas", "ResourceQuota"),
            new Kind("", "v1", "limitranges", "LimitRange"));

    /** Every kind a tenant could use against the perimeter, the guarded groups' best-known kinds included. */
    public static final List<Kind> KINDS = List.of(
            SINGLE_KINDS.get(0),
            new Kind("security.istio.io", "v1", "peerauthentications", "PeerAuthentication"),
            new Kind("security.istio.io", "v1", "authorizationpolicies", "AuthorizationPolicy"),
            new Kind("security.istio.io", "v1", "requestauthentications", "RequestAuthentication"),
            new Kind("networking.istio.io", "v1", "serviceentries", "ServiceEntry"),
            new Kind("networking.istio.io", "v1", "sidecars", "Sidecar"),
            new Kind("networking.istio.io", "v1", "virtualservices", "VirtualService"),
            new Kind("networking.istio.io", "v1", "destinationrules", "DestinationRule"),
            new Kind("networking.istio.io", "v1alpha3", "envoyfilters", "EnvoyFilter"),
            new Kind("gateway.networking.k8s.io", "v1", "gateways", "Gateway"),
            new Kind("gateway.networking.k8s.io", "v1", "httproutes", "HTTPRoute"),
            new Kind("gateway.networking.k8s.io", "v1", "grpcroutes", "GRPCRoute"),
            new Kind("gateway.networking.k8s.io", "v1beta1", "referencegrants", "ReferenceGrant"),
            SINGLE_KINDS.get(1),
            SINGLE_KINDS.get(2),
            SINGLE_KINDS.get(3));

    private PerimeterKinds() {
    }

    /** Whether an object of {@code apiVersion} and {@code kind} belongs to the perimeter. */
    public static boolean contains(String apiVersion, String kind) {
        String group = group(apiVersion);
        return GUARDED_GROUPS.contains(group)
                || SINGLE_KINDS.stream().anyMatch(k -> k.group().equals(group) && k.kind().equals(kind));
    }

    /** The API group of an apiVersion: {@code ""} for the core group ({@code v1}). */
    public static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
