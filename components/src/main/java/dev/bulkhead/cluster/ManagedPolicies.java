package dev.bulkhead.cluster;

import java.util.List;

/**
 * The AWS managed policies the cluster's roles carry, in one place, and nothing else: each role gets only the
 * managed policies its principal needs. ARNs are in the commercial partition ({@code arn:aws}).
 */
public final class ManagedPolicies {

    private static final String PREFIX = "arn:aws:iam::aws:policy/";

    /** The EKS control plane manages ENIs, load balancers for Services, and its security groups. */
    public static final String EKS_CLUSTER = PREFIX + "AmazonEKSClusterPolicy";
    /** A node joins the cluster and describes its instance. */
    public static final String EKS_WORKER_NODE = PREFIX + "AmazonEKSWorkerNodePolicy";
    /** A node pulls images from ECR: the pull-only subset of AmazonEC2ContainerRegistryReadOnly. */
    public static final String ECR_PULL_ONLY = PREFIX + "AmazonEC2ContainerRegistryPullOnly";
    /** The VPC CNI attaches ENIs and assigns pod addresses; given to its own pod identity, never to nodes. */
    public static final String EKS_CNI = PREFIX + "AmazonEKS_CNI_Policy";
    /** The bastion registers with Systems Manager for Session Manager. */
    public static final String SSM_MANAGED_INSTANCE_CORE = PREFIX + "AmazonSSMManagedInstanceCore";

    public static final List<String> CLUSTER_ROLE = List.of(EKS_CLUSTER);
    public static final List<String> NODE_ROLE = List.of(EKS_WORKER_NODE, ECR_PULL_ONLY);
    public static final List<String> VPC_CNI_ROLE = List.of(EKS_CNI);
    public static final List<String> BASTION_ROLE = List.of(SSM_MANAGED_INSTANCE_CORE);

    private ManagedPolicies() {
    }

    /** The policy's name, e.g. {@code AmazonEKSClusterPolicy}: used in logical names. */
    static String shortName(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
