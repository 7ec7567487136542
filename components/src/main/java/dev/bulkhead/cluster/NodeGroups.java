package dev.bulkhead.cluster;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateTagSpecificationArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.NodeGroupLaunchTemplateArgs;
import com.pulumi.aws.eks.inputs.NodeGroupNodeRepairConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.model.NodeGroupSpec;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The managed node groups of the spec, in the private subnets only, each with its own launch template: IMDSv2
 * required with a hop limit of 1 (so pods, one hop further away, cannot read the node role's credentials from
 * instance metadata), an encrypted gp3 root volume, no SSH key. The AMI is EKS's Amazon Linux 2023 for the
 * cluster version, for the group's CPU architecture.
 */
final class NodeGroups {

    static final String ROOT_DEVICE = "/dev/xvda";
    static final String AMI_X86_64 = "AL2023_x86_64_STANDARD";
    static final String AMI_ARM_64 = "AL2023_ARM_64_STANDARD";
    /** Graviton families have a {@code g} after the generation digit: m7g, c6gn, r7gd, t4g, im4gn, is4gen. */
    private static final Pattern GRAVITON = Pattern.compile("[a-z]+\\d+[a-z]*g[a-z]*");
    /** Only the hypervisor's one hop: containers on the node are a second hop and get nothing. */
    static final int METADATA_HOP_LIMIT = 1;

    private NodeGroups() {
    }

    static List<NodeGroup> create(Resource parent, String name, ClusterArgs args, com.pulumi.aws.eks.Cluster cluster,
                                  ClusterRoles roles, List<? extends Resource> dependsOn) {
        List<Resource> waitFor = new ArrayList<>(roles.nodePolicies());
        waitFor.addAll(dependsOn);
        List<NodeGroup> groups = new ArrayList<>();
        for (NodeGroupSpec group : args.spec().nodeGroups()) {
            String physical = Names.fit(Names.stackPrefix(args.stack()) + "-" + group.name(), Names.KUBERNETES_MAX);
            String logical = Names.logical(name, "nodes", group.name());
            LaunchTemplate template = launchTemplate(parent, logical, physical, args.stack(), group);
            groups.add(new NodeGroup(logical, NodeGroupArgs.builder()
                    .clusterName(cluster.name())
                    .nodeGroupName(physical)
                    .version(cluster.version())
                    .nodeRoleArn(roles.nodeRole().arn())
                    .subnetIds(args.privateSubnetIds())
                    .amiType(amiType(group))
                    .capacityType("ON_DEMAND")
                    .instanceTypes(group.instanceTypes())
                    .scalingConfig(NodeGroupScalingConfigArgs.builder()
                            .minSize(group.minSize())
                            .desiredSize(group.desiredSize())
                            .maxSize(group.maxSize())
                            .build())
                    .updateConfig(NodeGroupUpdateConfigArgs.builder().maxUnavailable(1).build())
                    .nodeRepairConfig(NodeGroupNodeRepairConfigArgs.builder().enabled(true).build())
                    .labels(group.labels())
                    .taints(group.taints().stream().map(t -> NodeGroupTaintArgs.builder()
                            .key(t.key()).value(t.value()).effect(t.effect()).build()).toList())
                    .launchTemplate(NodeGroupLaunchTemplateArgs.builder()
                            .id(template.id())
                            .version(template.latestVersion().applyValue(String::valueOf))
                            .build())
                    .tags(AwsTags.of(args.stack(), physical))
                    .build(), CustomResourceOptions.builder().parent(parent).dependsOn(waitFor).build()));
        }
        return groups;
    }

    private static LaunchTemplate launchTemplate(Resource parent, String logical, String physical, String stack,
                                                 NodeGroupSpec group) {
        Map<String, String> tags = AwsTags.of(stack, physical);
        return new LaunchTemplate(logical, LaunchTemplateArgs.builder()
                .name(physical)
                .description("Nodes of " + physical + ": IMDSv2 only, encrypted root volume, no SSH key")
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        .httpPutResponseHopLimit(METADATA_HOP_LIMIT)
                        .instanceMetadataTags("disabled")
                        .build())
                .blockDeviceMappings(List.of(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName(ROOT_DEVICE)
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .volumeSize(group.diskSizeGib())
                                .volumeType("gp3")
                                .encrypted("true")
                                .deleteOnTermination("true")
                                .build())
                        .build()))
                .tagSpecifications(List.of("instance", "volume", "network-interface").stream()
                        .map(type -> LaunchTemplateTagSpecificationArgs.builder().resourceType(type).tags(tags).build())
                        .toList())
                .updateDefaultVersion(true)
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    /** The EKS AMI type for the group's instance types, which must all share one CPU architecture. */
    static String amiType(NodeGroupSpec group) {
        List<String> types = group.instanceTypes().stream().map(NodeGroups::amiTypeOf).distinct().toList();
        if (types.size() != 1) {
            throw new IllegalArgumentException("node group " + group.name() + " mixes x86_64 and arm64 instance types: "
                    + group.instanceTypes());
        }
        return types.get(0);
    }

    private static String amiTypeOf(String instanceType) {
        String family = instanceType.contains(".") ? instanceType.substring(0, instanceType.indexOf('.'))
                : instanceType;
        return family.equals("a1") || GRAVITON.matcher(family).matches() ? AMI_ARM_64 : AMI_X86_64;
    }
}
