package dev.bulkhead.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm values of the AWS Load Balancer Controller, which here only binds pods to target groups Pulumi created
 * (TargetGroupBinding). It gets its AWS credentials from EKS Pod Identity, so its service account carries no
 * role annotation. The IngressGroup annotation is disabled so no tenant Ingress can join another project's ALB by
 * naming its group, and the legacy ingress-class annotation is disabled too; the Service mutator webhook is off so
 * the controller never claims a {@code LoadBalancer} Service (Kyverno forbids those in project namespaces anyway).
 */
public final class LoadBalancerControllerValues {

    public static final String SERVICE_ACCOUNT = "aws-load-balancer-controller";

    private LoadBalancerControllerValues() {
    }

    public static Map<String, Object> of(String clusterName, String region, String vpcId) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("clusterName", clusterName);
        values.put("region", region);
        values.put("vpcId", vpcId);
        values.put("replicaCount", 2);
        values.put("serviceAccount", Map.of("create", true, "name", SERVICE_ACCOUNT));
        values.put("enableServiceMutatorWebhook", false);
        values.put("disableIngressGroupNameAnnotation", true);
        values.put("disableIngressClassAnnotation", true);
        values.put("createIngressClassResource", false);
        // no WAF or Shield association: the ALBs are Pulumi's, and the controller's policy has no such actions
        values.put("enableShield", false);
        values.put("enableWaf", false);
        values.put("enableWafv2", false);
        values.put("podDisruptionBudget", Map.of("maxUnavailable", 1));
        values.put("podSecurityContext", Map.of(
                "runAsNonRoot", true,
                "seccompProfile", Map.of("type", "RuntimeDefault")));
        values.put("securityContext", Map.of(
                "runAsNonRoot", true,
                "allowPrivilegeEscalation", false,
                "readOnlyRootFilesystem", true,
                "capabilities", Map.of("drop", List.of("ALL")),
                "seccompProfile", Map.of("type", "RuntimeDefault")));
        return values;
    }
}
