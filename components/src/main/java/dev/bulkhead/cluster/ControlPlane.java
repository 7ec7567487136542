package dev.bulkhead.cluster;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.eks.inputs.ClusterKubernetesNetworkConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterUpgradePolicyArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.model.ClusterSpec;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EKS control plane: private endpoint, Secrets encrypted with the {@link SecretsKey}, every control-plane log
 * type in a log group created beforehand (so its retention is ours, not "never expire"), API-only authentication
 * with no implicit admin for whoever created it, and no self-managed add-ons (the managed ones replace them).
 */
final class ControlPlane {

    static final List<String> LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager", "scheduler");
    /** Access entries only: no aws-auth ConfigMap. */
    static final String AUTHENTICATION_MODE = "API";
    /** Tag set on a cluster whose endpoint is reachable from outside the VPC, so it stands out in any inventory. */
    static final String PUBLIC_ENDPOINT_TAG = "bulkhead:public-endpoint";

    private ControlPlane() {
    }

    /** EKS writes control-plane logs to this group; creating it first is how its retention is set. */
    static String logGroupName(String clusterName) {
        return "/aws/eks/" + clusterName + "/cluster";
    }

    /**
     * Prod gets the EXTENDED support policy: when a version leaves standard support, EKS keeps it running (at
     * extra cost) instead of upgrading the control plane on AWS's schedule, out of step with the pinned add-ons
     * and node groups; upgrades stay planned changes. Dev gets STANDARD, so dev meets a forced upgrade first.
     */
    static String supportType(ClusterSpec spec) {
        return spec.production() ? "EXTENDED" : "STANDARD";
    }

    static com.pulumi.aws.eks.Cluster create(Resource parent, String name, ClusterArgs args, EndpointAccess access,
                                             ClusterRoles roles, Key secretsKey) {
        ClusterSpec spec = args.spec();
        String clusterName = Names.cluster(args.stack());
        var logGroup = new LogGroup(Names.logical(name, "control-plane-logs"), LogGroupArgs.builder()
                .name(logGroupName(clusterName))
                .retentionInDays(spec.logRetentionDays())
                .tags(AwsTags.of(args.stack(), clusterName + "-control-plane"))
                .build(), CustomResourceOptions.builder().parent(parent).build());

        var vpcConfig = ClusterVpcConfigArgs.builder()
                .subnetIds(args.privateSubnetIds().applyValue(ControlPlane::requireTwoZones))
                .endpointPrivateAccess(true)
                .endpointPublicAccess(access.publicAccess());
        if (access.publicAccess()) {
            vpcConfig.publicAccessCidrs(access.publicAccessCidrs());
        }
        Map<String, String> extraTags = new LinkedHashMap<>();
        if (access.publicAccess()) {
            extraTags.put(PUBLIC_ENDPOINT_TAG, "true");
        }
        List<Resource> dependsOn = new ArrayList<>(roles.clusterPolicies());
        dependsOn.add(logGroup);
        return new com.pulumi.aws.eks.Cluster(name, com.pulumi.aws.eks.ClusterArgs.builder()
                .name(clusterName)
                .version(spec.kubernetesVersion())
                .roleArn(roles.clusterRole().arn())
                .vpcConfig(vpcConfig.build())
                .kubernetesNetworkConfig(ClusterKubernetesNetworkConfigArgs.builder()
                        .ipFamily("ipv4")
                        .serviceIpv4Cidr(spec.serviceCidr())
                        .build())
                .enabledClusterLogTypes(LOG_TYPES)
                .encryptionConfig(ClusterEncryptionConfigArgs.builder()
                        .resources(List.of("secrets"))
                        .provider(ClusterEncryptionConfigProviderArgs.builder().keyArn(secretsKey.arn()).build())
                        .build())
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode(AUTHENTICATION_MODE)
                        .bootstrapClusterCreatorAdminPermissions(false)
                        .build())
                .bootstrapSelfManagedAddons(false)
                .upgradePolicy(ClusterUpgradePolicyArgs.builder().supportType(supportType(spec)).build())
                .tags(AwsTags.of(args.stack(), clusterName, extraTags))
                .build(), CustomResourceOptions.builder()
                .parent(parent)
                .dependsOn(dependsOn)
                // aws 6.83.0's ClusterArgs has no deletion-protection field: Pulumi's protect stands in for it, given
                // by the program through dev.bulkhead.protection.Protection.
                .build());
    }

    /** EKS places control-plane ENIs in at least two AZs and refuses a single subnet. */
    static List<String> requireTwoZones(List<String> subnetIds) {
        if (subnetIds.size() < 2) {
            throw new IllegalArgumentException("EKS needs private subnets in at least two availability zones, got "
                    + subnetIds.size());
        }
        return subnetIds;
    }

    static Output<String> securityGroupId(com.pulumi.aws.eks.Cluster cluster) {
        return cluster.vpcConfig().applyValue(vc -> vc.clusterSecurityGroupId().orElse(""));
    }
}
