package dev.bulkhead.access;

import java.util.List;

/**
 * The inline policy of the developer and auditor roles that lets them build a kubeconfig
 * ({@code aws eks update-kubeconfig}): describe this one cluster, and list clusters (which IAM cannot scope to a
 * resource). What they may do inside the cluster comes from their EKS access entries, not from IAM.
 */
public final class ClusterConnectPolicy {

    /** Name of the inline policy on the role. */
    public static final String NAME = "eks-connect";
    public static final String SID_DESCRIBE = "DescribeThisCluster";
    public static final String SID_LIST = "ListClusters";

    private ClusterConnectPolicy() {
    }

    static String document(AwsAccount account, String clusterName) {
        return PolicyStatement.document(List.of(
                PolicyStatement.allow(SID_DESCRIBE).actions("eks:DescribeCluster")
                        .resources(account.eksCluster(clusterName)),
                PolicyStatement.allow(SID_LIST).actions("eks:ListClusters").resources("*")));
    }
}
