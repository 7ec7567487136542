package dev.bulkhead.platform;

import java.util.List;

/**
 * Every chart and remote manifest the platform installs, with its repository and exact version, in one place so
 * an upgrade is one reviewed diff. Istio 1.27 runs ambient mode as GA (GA since 1.24) and supports Gateway API
 * v1.3; Kyverno chart 3.5 ships Kyverno 1.15, whose rules carry their own {@code failureAction}; the load
 * balancer controller chart 1.13 ships controller v2.13.
 */
public final class Charts {

    public static final String ISTIO_REPOSITORY = "https://istio-release.storage.googleapis.com/charts";
    public static final String ISTIO_VERSION = "1.27.2";
    public static final String ISTIO_NAMESPACE = "istio-system";

    public static final Chart ISTIO_BASE = new Chart("base", ISTIO_REPOSITORY, ISTIO_VERSION, "istio-base",
            ISTIO_NAMESPACE);
    public static final Chart ISTIOD = new Chart("istiod", ISTIO_REPOSITORY, ISTIO_VERSION, "istiod",
            ISTIO_NAMESPACE);
    public static final Chart ISTIO_CNI = new Chart("cni", ISTIO_REPOSITORY, ISTIO_VERSION, "istio-cni",
            ISTIO_NAMESPACE);
    public static final Chart ZTUNNEL = new Chart("ztunnel", ISTIO_REPOSITORY, ISTIO_VERSION, "ztunnel",
            ISTIO_NAMESPACE);

    public static final Chart LOAD_BALANCER_CONTROLLER = new Chart("aws-load-balancer-controller",
            "https://aws.github.io/eks-charts", "1.13.3", "aws-load-balancer-controller", "kube-system");

    public static final Chart KYVERNO = new Chart("kyverno", "https://kyverno.github.io/kyverno/", "3.5.2",
            "kyverno", "kyverno");

    /** The Gateway API release whose standard-channel CRDs are installed. */
    public static final String GATEWAY_API_VERSION = "v1.3.0";
    public static final String GATEWAY_API_CRDS = "https://github.com/kubernetes-sigs/gateway-api/releases/download/"
            + GATEWAY_API_VERSION + "/standard-install.yaml";

    private Charts() {
    }

    /** The Istio charts in the order they must be installed: CRDs, control plane, node agent, node proxy. */
    public static List<Chart> istio() {
        return List.of(ISTIO_BASE, ISTIOD, ISTIO_CNI, ZTUNNEL);
    }

    public static List<Chart> all() {
        return List.of(ISTIO_BASE, ISTIOD, ISTIO_CNI, ZTUNNEL, LOAD_BALANCER_CONTROLLER, KYVERNO);
    }
}
