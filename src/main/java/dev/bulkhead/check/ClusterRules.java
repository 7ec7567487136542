package dev.bulkhead.check;

import dev.bulkhead.check.Rule.Violation;
import dev.bulkhead.render.JsonValues;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.check.Severity.ERROR;

/** The EKS control plane and nodes: private endpoint, encrypted secrets, audit logs, IMDSv2, enforced policies. */
final class ClusterRules {

    static final String CLUSTER = "aws:eks/cluster:Cluster";
    static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    static final String ADDON = "aws:eks/addon:Addon";
    static final List<String> REQUIRED_LOGS = List.of("api", "audit", "authenticator");

    private ClusterRules() {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("cluster.private-endpoint", "cluster", ERROR,
                        "the API endpoint is private, or public only to explicit CIDRs (never 0.0.0.0/0 or ::/0)",
                        "set bulkhead:cluster.publicAccessCidrs to [] (private only) or to the exact networks of your "
                                + "operators", ClusterRules::privateEndpoint),
                new Rule("cluster.secrets-encryption", "cluster", ERROR,
                        "Kubernetes secrets are envelope-encrypted with a KMS key",
                        "give the cluster encryptionConfig {resources: [secrets], provider.keyArn: <KMS key>}",
                        Rule.eachOf(CLUSTER, c -> {
                            Map<String, Object> enc = Plain.map(c.inputs().get("encryptionConfig"));
                            boolean ok = Plain.strings(enc.get("resources")).contains("secrets")
                                    && Plain.at(enc, "provider.keyArn") != null;
                            return ok ? null : "no KMS envelope encryption of secrets";
                        })),
                new Rule("cluster.audit-logging", "cluster", ERROR,
                        "control-plane logs include api, audit and authenticator",
                        "add api, audit and authenticator to enabledClusterLogTypes",
                        Rule.eachOf(CLUSTER, c -> {
                            List<String> logs = Plain.strings(c.inputs().get("enabledClusterLogTypes"));
                            List<String> missing = REQUIRED_LOGS.stream().filter(l -> !logs.contains(l)).toList();
                            return missing.isEmpty() ? null : "control-plane logs missing " + missing;
                        })),
                new Rule("cluster.api-authentication", "cluster", ERROR,
                        "access is granted by EKS access entries only (authenticationMode API), without creator admin",
                        "set accessConfig {authenticationMode: API, bootstrapClusterCreatorAdminPermissions: false}",
                        Rule.eachOf(CLUSTER, c -> {
                            Map<String, Object> ac = Plain.map(c.inputs().get("accessConfig"));
                            boolean ok = "API".equals(ac.get("authenticationMode"))
                                    && !Plain.truthy(ac.get("bootstrapClusterCreatorAdminPermissions"));
                            return ok ? null : "accessConfig is " + ac;
                        })),
                new Rule("cluster.imdsv2", "cluster", ERROR,
                        "node launch templates require IMDSv2 with a hop limit of 1, so pods cannot reach the node role",
                        "set metadataOptions {httpTokens: required, httpPutResponseHopLimit: 1}",
                        Rule.eachOf(LAUNCH_TEMPLATE, t -> {
                            Map<String, Object> md = Plain.map(t.inputs().get("metadataOptions"));
                            boolean ok = "required".equals(md.get("httpTokens"))
                                    && "1".equals(Plain.integer(md.get("httpPutResponseHopLimit")));
                            return ok ? null : "metadataOptions are " + md;
                        })),
                new Rule("cluster.network-policy-enforcement", "cluster", ERROR,
                        "the VPC CNI add-on enforces NetworkPolicies (enableNetworkPolicy \"true\")",
                        "add the vpc-cni add-on with configurationValues {\"enableNetworkPolicy\": \"true\"}",
                        ClusterRules::networkPolicyEnforcement),
                new Rule("cluster.network-policy-strict", "cluster", ERROR,
                        "the network policy agent runs in strict mode (NETWORK_POLICY_ENFORCING_MODE strict): a new pod "
                                + "is default-deny until its policies are programmed, not default-allow",
                        "add \"env\": {\"NETWORK_POLICY_ENFORCING_MODE\": \"strict\"} to the vpc-cni add-on's "
                                + "configurationValues",
                        Rule.eachOf(ADDON, a -> {
                            Object values = a.inputs().get("configurationValues");
                            if (!"vpc-cni".equals(a.inputs().get("addonName"))) {
                                return null;
                            }
                            boolean strict = values instanceof String s && JsonValues.parseObject(s)
                                    .map(o -> o.has("env") && o.get("env").isJsonObject()
                                            && o.getAsJsonObject("env").has("NETWORK_POLICY_ENFORCING_MODE")
                                            && "strict".equals(o.getAsJsonObject("env")
                                            .get("NETWORK_POLICY_ENFORCING_MODE").getAsString()))
                                    .orElse(false);
                            return strict ? null : "vpc-cni runs its policy agent in standard mode: a new pod talks "
                                    + "freely until its policies are programmed";
                        })));
    }

    private static List<Violation> privateEndpoint(RenderView view) {
        List<Violation> out = new ArrayList<>();
        for (RenderedResource c : view.ofType(CLUSTER)) {
            Map<String, Object> vpc = Plain.map(c.inputs().get("vpcConfig"));
            if (!Plain.truthy(vpc.get("endpointPublicAccess"))) {
                continue;
            }
            List<String> cidrs = Plain.strings(vpc.get("publicAccessCidrs"));
            if (cidrs.isEmpty()) {
                out.add(new Violation(RenderView.describe(c), "the endpoint is public to every address (no publicAccessCidrs)"));
            } else if (cidrs.contains("0.0.0.0/0") || cidrs.contains("::/0")) {
                out.add(new Violation(RenderView.describe(c), "the endpoint is public to " + cidrs));
            }
        }
        return out;
    }

    private static List<Violation> networkPolicyEnforcement(RenderView view) {
        List<Violation> out = new ArrayList<>();
        boolean found = false;
        for (RenderedResource a : view.ofType(ADDON)) {
            if (!"vpc-cni".equals(a.inputs().get("addonName"))) {
                continue;
            }
            found = true;
            Object values = a.inputs().get("configurationValues");
            boolean ok = values instanceof String s && JsonValues.parseObject(s)
                    .map(o -> o.has("enableNetworkPolicy") && "true".equals(o.get("enableNetworkPolicy").getAsString()))
                    .orElse(false);
            if (!ok) {
                out.add(new Violation(RenderView.describe(a), "vpc-cni configurationValues are " + values
                        + "; without enableNetworkPolicy EKS enforces no NetworkPolicy at all"));
            }
        }
        if (!found && !view.ofType(CLUSTER).isEmpty()) {
            out.add(new Violation("(no vpc-cni add-on)", "the render has a cluster but no vpc-cni add-on"));
        }
        return out;
    }
}
