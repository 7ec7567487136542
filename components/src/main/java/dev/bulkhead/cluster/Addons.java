package dev.bulkhead.cluster;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.naming.Names;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * The EKS managed add-ons, at the versions pinned in {@link AddonVersions}. The cluster is created without the
 * self-managed ones, so these are the only copies; conflicts with anything already on the cluster are resolved
 * in favour of the add-on's configuration (OVERWRITE), on create and on update.
 * <p>
 * Order matters. vpc-cni, kube-proxy and eks-pod-identity-agent are DaemonSets a node needs to become Ready, so
 * they go in before the node groups; coredns is a Deployment that stays degraded until there are nodes to run
 * it and, with the policy agent in strict mode, until its NetworkPolicy admits its traffic, so it goes in after
 * both.
 */
final class Addons {

    /**
     * The VPC CNI runs its network policy agent only when asked. Without it EKS accepts NetworkPolicy objects and
     * enforces none of them: every default-deny in the platform would be silently open. In its default (standard)
     * mode a new pod may talk freely until its policies are programmed, and a pod no policy selects is open
     * forever; {@code NETWORK_POLICY_ENFORCING_MODE=strict} (an environment variable of the {@code aws-node}
     * container, set through the add-on's {@code env}) starts every pod default-deny. Strict mode also closes the
     * platform's own pods, so every one of them that talks needs a NetworkPolicy ({@code PlatformNetworkPolicies}
     * and the charts' own).
     */
    static final String VPC_CNI_CONFIGURATION =
            "{\"enableNetworkPolicy\":\"true\",\"env\":{\"NETWORK_POLICY_ENFORCING_MODE\":\"strict\"}}";
    static final String RESOLVE_CONFLICTS = "OVERWRITE";
    /** The VPC CNI's own identity, instead of AmazonEKS_CNI_Policy on every node. */
    static final PodIdentity.Binding VPC_CNI_IDENTITY = new PodIdentity.Binding("kube-system", "aws-node", "vpc-cni",
            ManagedPolicies.VPC_CNI_ROLE);

    /**
     * What goes in before the nodes.
     *
     * @param cniIdentity the VPC CNI's role and association
     * @param addons      vpc-cni, kube-proxy, eks-pod-identity-agent
     */
    record BeforeNodes(PodIdentity.Grant cniIdentity, List<Addon> addons) {
    }

    private Addons() {
    }

    static BeforeNodes beforeNodes(Resource parent, String name, String stack, String kubernetesVersion,
                                   Output<String> clusterName) {
        var cni = PodIdentity.grant(parent, name, stack, clusterName, VPC_CNI_IDENTITY);
        List<Addon> addons = new ArrayList<>();
        // The association must exist before aws-node pods start, or they start without credentials.
        addons.add(addon(parent, name, stack, kubernetesVersion, clusterName, AddonVersions.VPC_CNI,
                VPC_CNI_CONFIGURATION, cni.resources()));
        addons.add(addon(parent, name, stack, kubernetesVersion, clusterName, AddonVersions.KUBE_PROXY, null,
                List.of()));
        addons.add(addon(parent, name, stack, kubernetesVersion, clusterName, AddonVersions.POD_IDENTITY_AGENT, null,
                List.of()));
        return new BeforeNodes(cni, addons);
    }

    static Addon afterNodes(Resource parent, String name, String stack, String kubernetesVersion,
                            Output<String> clusterName, List<? extends Resource> after) {
        return addon(parent, name, stack, kubernetesVersion, clusterName, AddonVersions.COREDNS, null, after);
    }

    private static Addon addon(Resource parent, String name, String stack, String kubernetesVersion,
                               Output<String> clusterName, String addon, @Nullable String configuration,
                               List<? extends Resource> dependsOn) {
        var args = AddonArgs.builder()
                .clusterName(clusterName)
                .addonName(addon)
                .addonVersion(AddonVersions.of(kubernetesVersion, addon))
                .resolveConflictsOnCreate(RESOLVE_CONFLICTS)
                .resolveConflictsOnUpdate(RESOLVE_CONFLICTS)
                .tags(AwsTags.of(stack, Names.cluster(stack) + "-" + addon));
        if (configuration != null) {
            args.configurationValues(configuration);
        }
        return new Addon(Names.logical(name, addon), args.build(), CustomResourceOptions.builder()
                .parent(parent)
                .dependsOn(List.copyOf(dependsOn))
                .build());
    }
}
