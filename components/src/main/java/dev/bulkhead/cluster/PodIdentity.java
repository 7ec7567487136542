package dev.bulkhead.cluster;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.naming.Names;
import dev.bulkhead.network.AwsLookups;

import java.util.ArrayList;
import java.util.List;

/**
 * How an in-cluster controller reaches AWS: an IAM role for exactly one service account, handed out by EKS Pod
 * Identity (no OIDC provider, no annotations, credentials from the eks-pod-identity-agent add-on). The role's
 * trust is narrowed to the cluster, namespace and service account through Pod Identity's session tags.
 */
public final class PodIdentity {

    /**
     * Who gets a role and with which permissions.
     *
     * @param namespace         the service account's namespace
     * @param serviceAccount    the service account's name
     * @param role              suffix of the IAM role's name ({@code bulkhead-<stack>-<role>})
     * @param managedPolicyArns the managed policies the role carries
     */
    public record Binding(String namespace, String serviceAccount, String role, List<String> managedPolicyArns) {

        public Binding {
            managedPolicyArns = List.copyOf(managedPolicyArns);
        }
    }

    /**
     * What a grant created.
     *
     * @param role        the service account's role
     * @param policies    its policy attachments
     * @param association the association that hands it out
     */
    public record Grant(Role role, List<RolePolicyAttachment> policies, PodIdentityAssociation association) {

        /** Everything a consumer of the credentials should wait for. */
        public List<Resource> resources() {
            List<Resource> all = new ArrayList<>(policies);
            all.add(role);
            all.add(association);
            return all;
        }
    }

    private PodIdentity() {
    }

    /**
     * Creates the role and association for {@code binding} in the cluster of {@code stack}; {@code clusterName}
     * should be the cluster's own output so the association waits for the cluster.
     */
    public static Grant grant(Resource parent, String logicalPrefix, String stack, Output<String> clusterName,
                              Binding binding) {
        String logical = Names.logical(logicalPrefix, binding.role());
        Role role = ClusterRoles.role(parent, logical, stack, binding.role(),
                AwsLookups.accountId(parent).applyValue(account -> ServiceTrust.forPodIdentity(Names.cluster(stack),
                        binding.namespace(), binding.serviceAccount(), account)));
        List<RolePolicyAttachment> policies = ClusterRoles.attach(parent, logical, role, binding.managedPolicyArns());
        var association = new PodIdentityAssociation(logical, PodIdentityAssociationArgs.builder()
                .clusterName(clusterName)
                .namespace(binding.namespace())
                .serviceAccount(binding.serviceAccount())
                .roleArn(role.arn())
                .tags(AwsTags.of(stack, Names.iamRole(stack, binding.role())))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        return new Grant(role, policies, association);
    }
}
