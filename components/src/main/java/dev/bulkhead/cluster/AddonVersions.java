package dev.bulkhead.cluster;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place where EKS add-on versions are pinned. Add-on builds are made for one Kubernetes minor version
 * (kube-proxy's even carries it in its version), so the pins are keyed by the cluster version, and a cluster
 * whose version has no pins here is refused rather than given add-ons built for another version. Upgrading the
 * cluster means adding its row here first (from {@code aws eks describe-addon-versions --kubernetes-version X}).
 */
public final class AddonVersions {

    public static final String VPC_CNI = "vpc-cni";
    public static final String COREDNS = "coredns";
    public static final String KUBE_PROXY = "kube-proxy";
    public static final String POD_IDENTITY_AGENT = "eks-pod-identity-agent";

    /** The add-ons every cluster gets, in the order they are installed. */
    public static final List<String> ADDONS = List.of(VPC_CNI, KUBE_PROXY, POD_IDENTITY_AGENT, COREDNS);

    /** Pinned versions by Kubernetes minor version, then by add-on name. */
    public static final Map<String, Map<String, String>> BY_KUBERNETES_VERSION = Map.of(
            "1.31", Map.of(
                    VPC_CNI, "v1.19.3-eksbuild.1",
                    KUBE_PROXY, "v1.31.3-eksbuild.2",
                    POD_IDENTITY_AGENT, "v1.3.5-eksbuild.2",
                    COREDNS, "v1.11.4-eksbuild.2"));

    private AddonVersions() {
    }

    /** The pinned version of {@code addon} for a cluster at {@code kubernetesVersion}. */
    public static String of(String kubernetesVersion, String addon) {
        Map<String, String> pins = BY_KUBERNETES_VERSION.get(kubernetesVersion);
        if (pins == null) {
            throw new IllegalArgumentException("no EKS add-on versions are pinned for Kubernetes " + kubernetesVersion
                    + "; pin them in AddonVersions first (pinned: " + new TreeMap<>(BY_KUBERNETES_VERSION).keySet() + ")");
        }
        String version = pins.get(addon);
        if (version == null) {
            throw new IllegalArgumentException("no version of add-on " + addon + " is pinned for Kubernetes "
                    + kubernetesVersion);
        }
        return version;
    }
}
