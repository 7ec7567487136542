package dev.bulkhead.cluster;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.naming.Names;

import java.util.List;

/**
 * The two service roles of the cluster: the control plane's (only {@link ManagedPolicies#CLUSTER_ROLE}) and the
 * nodes' (only {@link ManagedPolicies#NODE_ROLE}; the VPC CNI's permissions go to its own pod identity instead,
 * so no pod on a node inherits them through the instance profile).
 *
 * @param clusterRole       assumed by EKS
 * @param clusterPolicies   its managed policy attachments (the cluster must wait for them)
 * @param nodeRole          assumed by the nodes' EC2 instances
 * @param nodePolicies      its managed policy attachments (node groups must wait for them)
 */
record ClusterRoles(Role clusterRole, List<RolePolicyAttachment> clusterPolicies, Role nodeRole,
                    List<RolePolicyAttachment> nodePolicies) {

    static ClusterRoles create(Resource parent, String name, String stack) {
        Role cluster = role(parent, Names.logical(name, "cluster-role"), stack, "eks-cluster",
                ServiceTrust.forService("eks.amazonaws.com"));
        Role node = role(parent, Names.logical(name, "node-role"), stack, "eks-node",
                ServiceTrust.forService("ec2.amazonaws.com"));
        return new ClusterRoles(cluster, attach(parent, Names.logical(name, "cluster-role"), cluster,
                ManagedPolicies.CLUSTER_ROLE), node, attach(parent, Names.logical(name, "node-role"), node,
                ManagedPolicies.NODE_ROLE));
    }

    static Role role(Resource parent, String logicalName, String stack, String role, String trustPolicy) {
        return role(parent, logicalName, stack, role, Output.of(trustPolicy));
    }

    static Role role(Resource parent, String logicalName, String stack, String role, Output<String> trustPolicy) {
        String physical = Names.iamRole(stack, role);
        return new Role(logicalName, RoleArgs.builder()
                .name(physical)
                .assumeRolePolicy(trustPolicy)
                .tags(AwsTags.of(stack, physical))
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    static List<RolePolicyAttachment> attach(Resource parent, String logicalPrefix, Role role, List<String> arns) {
        return arns.stream().map(arn -> new RolePolicyAttachment(
                Names.logical(logicalPrefix, ManagedPolicies.shortName(arn)), RolePolicyAttachmentArgs.builder()
                        .role(role.name())
                        .policyArn(arn)
                        .build(), CustomResourceOptions.builder().parent(parent).build())).toList();
    }
}
