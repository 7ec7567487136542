package dev.bulkhead.access;

import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * Maps the human roles into the cluster with EKS access entries (authentication mode API): the only way in,
 * with no aws-auth ConfigMap and no implicit creator admin.
 */
public final class ClusterAccess extends ComponentResource {

    public static final String TYPE = "bulkhead:access:ClusterAccess";
    static final String POLICY_ARN_PREFIX = "arn:aws:eks::aws:cluster-access-policy/";

    public ClusterAccess(String name, ClusterAccessArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var admin = new AccessEntry(name + "-admin", AccessEntryArgs.builder()
                .clusterName(args.clusterName())
                .principalArn(args.adminRoleArn())
                .type("STANDARD")
                .build(), CustomResourceOptions.builder().parent(this).build());
        new AccessPolicyAssociation(name + "-admin", AccessPolicyAssociationArgs.builder()
                .clusterName(args.clusterName())
                .principalArn(admin.principalArn())
                .policyArn(POLICY_ARN_PREFIX + "AmazonEKSClusterAdminPolicy")
                .accessScope(AccessPolicyAssociationAccessScopeArgs.builder().type("cluster").build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of());
    }
}
