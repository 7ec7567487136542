package dev.bulkhead.mesh;

import java.util.List;
import java.util.Map;

/**
 * Facts about Istio's ambient data plane that NetworkPolicies must allow for: what crosses a pod's interface once
 * ztunnel captures its traffic.
 *
 * <p>With in-pod redirection, ztunnel's sockets live in each workload's network namespace, so the traffic it sends and
 * receives on the workload's behalf carries the workload's pod IP and is subject to the workload's NetworkPolicies.
 * Meshed traffic crosses the pod interface only as HBONE to the destination's {@link #HBONE_PORT}; the outbound
 * (15001) and inbound plaintext (15006) listeners are reached by redirection inside the pod and never cross it.
 * ztunnel's own control traffic (xDS and certificates from istiod) leaves the ztunnel pod in the
 * {@link #ROOT_NAMESPACE}, not the workload, so plain workloads need no route to istiod; only the Envoy proxies Istio
 * deploys into a namespace (waypoints and gateways) fetch their configuration from istiod themselves.
 */
public final class Ambient {

    /** HBONE: mTLS-tunnelled traffic between meshed pods arrives on this port of the destination pod. */
    public static final int HBONE_PORT = 15008;
    /** istio-cni rewrites the source of kubelet probes to this address so ztunnel can tell them apart. */
    public static final String PROBE_SOURCE_CIDR = "169.254.7.127/32";
    /** Where istiod runs and where mesh-wide policies live. */
    public static final String ROOT_NAMESPACE = "istio-system";
    /** istiod's pod labels. */
    public static final Map<String, String> ISTIOD_POD_LABELS = Map.of("app", "istiod");
    /** istiod's xDS and certificate-signing port (mTLS); the plaintext 15010 is not used. */
    public static final int ISTIOD_XDS_PORT = 15012;
    /**
     * What Istio's default waypoint Deployment asks of its namespace's quota (one pod): requests and limits of CPU and
     * memory, in that order.
     */
    public static final List<String> WAYPOINT_POD_RESOURCES = List.of("100m", "128Mi", "2", "1Gi");
    /** Present on every pod of a waypoint or gateway that Istio deploys for a Gateway API {@code Gateway}. */
    public static final String PROXY_POD_LABEL = "gateway.networking.k8s.io/gateway-name";

    private Ambient() {
    }
}
