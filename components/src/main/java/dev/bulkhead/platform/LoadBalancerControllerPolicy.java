package dev.bulkhead.platform;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load balancer controller's IAM policy, for TargetGroupBinding only. Pulumi owns every ALB, listener, target
 * group and ALB security group, so the controller creates and deletes nothing: it reads (describe calls, which
 * IAM cannot scope to resources), registers and deregisters pod IPs in this stack's target groups (by name prefix
 * and the {@code bulkhead:stack} tag), and opens the node-side security group to the ALB's group for a binding's
 * {@code networking} rules (only groups EKS tagged as owned by this cluster). No CreateLoadBalancer, no
 * CreateTargetGroup, no tagging, no WAF, Shield, ACM or Cognito.
 */
public final class LoadBalancerControllerPolicy {

    public static final List<String> DESCRIBE = List.of(
            "ec2:DescribeAvailabilityZones",
            "ec2:DescribeInstances",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeSubnets",
            "ec2:DescribeVpcs",
            "elasticloadbalancing:DescribeListeners",
            "elasticloadbalancing:DescribeLoadBalancers",
            "elasticloadbalancing:DescribeTags",
            "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeTargetHealth");
    public static final List<String> TARGETS = List.of(
            "elasticloadbalancing:RegisterTargets",
            "elasticloadbalancing:DeregisterTargets");
    public static final List<String> SECURITY_GROUP_RULES = List.of(
            "ec2:AuthorizeSecurityGroupIngress",
            "ec2:RevokeSecurityGroupIngress");
    /** The tag every Bulkhead resource carries with its stack; target groups must carry it to be bound. */
    public static final String STACK_TAG = "bulkhead:stack";

    private LoadBalancerControllerPolicy() {
    }

    /**
     * @param targetGroupPrefix the name prefix of this stack's target groups ({@code <stack>-})
     */
    public static String document(String partition, String region, String account, String stack,
                                  String clusterName, String targetGroupPrefix) {
        String targetGroups = "arn:" + partition + ":elasticloadbalancing:" + region + ":" + account
                + ":targetgroup/" + targetGroupPrefix + "*/*";
        String securityGroups = "arn:" + partition + ":ec2:" + region + ":" + account + ":security-group/*";
        List<Map<String, Object>> statements = List.of(
                statement("Describe", DESCRIBE, "*", null),
                statement("RegisterPodsInThisStacksTargetGroups", TARGETS, targetGroups,
                        Map.of("StringEquals", Map.of("aws:ResourceTag/" + STACK_TAG, stack))),
                statement("AdmitTheAlbOnThisClustersSecurityGroups", SECURITY_GROUP_RULES, securityGroups,
                        Map.of("StringEquals", Map.of("aws:ResourceTag/kubernetes.io/cluster/" + clusterName,
                                "owned"))));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(document);
    }

    private static Map<String, Object> statement(String sid, List<String> actions, String resource,
                                                 Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions);
        statement.put("Resource", resource);
        if (condition != null) {
            statement.put("Condition", condition);
        }
        return statement;
    }
}
