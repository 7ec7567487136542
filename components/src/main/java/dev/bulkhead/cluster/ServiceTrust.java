package dev.bulkhead.cluster;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trust policies for roles assumed by AWS services (the EKS control plane, EC2 nodes, pods), not by people. */
public final class ServiceTrust {

    /** The principal of EKS Pod Identity. */
    public static final String PODS = "pods.eks.amazonaws.com";

    private ServiceTrust() {
    }

    public static String forService(String servicePrincipal) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", servicePrincipal));
        statement.put("Action", "sts:AssumeRole");
        return write(statement);
    }

    /**
     * Trust for one Kubernetes service account through EKS Pod Identity. Pod Identity tags its session with the
     * cluster, namespace and service account, so the role can be narrowed to exactly that one identity even if
     * someone associates it elsewhere; {@code aws:SourceAccount} holds the service to acting for this account's
     * clusters only (a cluster of the same name in another account cannot use the role).
     */
    public static String forPodIdentity(String clusterName, String namespace, String serviceAccount, String account) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("aws:SourceAccount", account);
        conditions.put("aws:RequestTag/eks-cluster-name", clusterName);
        conditions.put("aws:RequestTag/kubernetes-namespace", namespace);
        conditions.put("aws:RequestTag/kubernetes-service-account", serviceAccount);
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", PODS));
        statement.put("Action", List.of("sts:AssumeRole", "sts:TagSession"));
        statement.put("Condition", Map.of("StringEquals", conditions));
        return write(statement);
    }

    private static String write(Map<String, Object> statement) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(statement));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(document);
    }
}
