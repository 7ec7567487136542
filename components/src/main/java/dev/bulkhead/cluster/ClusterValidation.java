package dev.bulkhead.cluster;

import dev.bulkhead.model.ClusterSpec;
import dev.bulkhead.model.NodeGroupSpec;
import dev.bulkhead.network.Ipv4Cidr;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks made before any resource is registered, so a spec that EKS would refuse, or that would build something
 * other than intended, fails the program instead of half a deployment. The config parser checks most of this
 * too; the component does not rely on it.
 */
final class ClusterValidation {

    /**
     * The oldest Kubernetes version the platform runs on: its admission guards are ValidatingAdmissionPolicies,
     * served as {@code admissionregistration.k8s.io/v1} from 1.30.
     */
    public static final String MINIMUM_KUBERNETES_VERSION = "1.30";

    /** EKS takes the service range from the RFC 1918 blocks only. */
    static final List<Ipv4Cidr> PRIVATE_RANGES = List.of(Ipv4Cidr.parse("10.0.0.0/8"),
            Ipv4Cidr.parse("172.16.0.0/12"), Ipv4Cidr.parse("192.168.0.0/16"));

    private ClusterValidation() {
    }

    static void check(ClusterSpec spec, String vpcCidr) {
        kubernetesVersion(spec.kubernetesVersion());
        AddonVersions.ADDONS.forEach(addon -> AddonVersions.of(spec.kubernetesVersion(), addon));
        serviceCidr(spec.serviceCidr(), vpcCidr);
        nodeGroups(spec.nodeGroups());
    }

    static void kubernetesVersion(String version) {
        if (minor(version) < minor(MINIMUM_KUBERNETES_VERSION)) {
            throw new IllegalArgumentException("Kubernetes " + version + " is older than " + MINIMUM_KUBERNETES_VERSION
                    + ", the first version that serves the ValidatingAdmissionPolicies guarding the perimeter");
        }
    }

    private static int minor(String version) {
        String[] parts = version.split("\\.");
        if (parts.length != 2 || !parts[0].equals("1") || !parts[1].matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("not a Kubernetes version of the form 1.N: '" + version + "'");
        }
        return Integer.parseInt(parts[1]);
    }

    static void serviceCidr(String serviceCidr, String vpcCidr) {
        Ipv4Cidr service = Ipv4Cidr.parse(serviceCidr);
        if (service.prefix() < 12 || service.prefix() > 24) {
            throw new IllegalArgumentException("serviceCidr must be a /12 to a /24, got " + serviceCidr);
        }
        if (PRIVATE_RANGES.stream().noneMatch(r -> r.contains(service))) {
            throw new IllegalArgumentException("serviceCidr must lie in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16,"
                    + " got " + serviceCidr);
        }
        if (service.overlaps(Ipv4Cidr.parse(vpcCidr))) {
            throw new IllegalArgumentException("serviceCidr " + serviceCidr + " overlaps the VPC " + vpcCidr);
        }
    }

    static void nodeGroups(List<NodeGroupSpec> groups) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("the cluster needs at least one node group");
        }
        Set<String> names = new HashSet<>();
        for (NodeGroupSpec group : groups) {
            if (!names.add(group.name())) {
                throw new IllegalArgumentException("two node groups are named " + group.name());
            }
            if (group.instanceTypes().isEmpty()) {
                throw new IllegalArgumentException("node group " + group.name() + " has no instance types");
            }
            if (group.minSize() < 0 || group.minSize() > group.desiredSize() || group.desiredSize() > group.maxSize()
                    || group.maxSize() < 1) {
                throw new IllegalArgumentException("node group " + group.name() + " needs 0 <= minSize <= desiredSize"
                        + " <= maxSize and maxSize >= 1, got " + group.minSize() + "/" + group.desiredSize() + "/"
                        + group.maxSize());
            }
            NodeGroups.amiType(group);
        }
    }
}
