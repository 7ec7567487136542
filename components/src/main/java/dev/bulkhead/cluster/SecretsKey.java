package dev.bulkhead.cluster;

import dev.bulkhead.naming.AwsTags;
import com.google.gson.GsonBuilder;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.naming.Names;
import dev.bulkhead.network.AwsLookups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KMS key that envelope-encrypts Kubernetes Secrets in etcd: a dedicated symmetric key with yearly rotation.
 * Its policy separates running the key from using it: the account administers it (so it can never be orphaned,
 * and IAM decides which admins may), but no statement lets anyone in the account encrypt or decrypt with it;
 * only the cluster role may, and only through EKS in this region.
 */
final class SecretsKey {

    /** What the account (through IAM) may do: everything about the key except using it. */
    static final List<String> ADMIN_ACTIONS = List.of("kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*",
            "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource",
            "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand");
    /** What the control plane does with it. */
    static final List<String> CLUSTER_ACTIONS = List.of("kms:Encrypt", "kms:Decrypt", "kms:DescribeKey",
            "kms:ListGrants");

    private SecretsKey() {
    }

    static Key create(Resource parent, String name, String stack, String region, boolean production,
                      Output<String> clusterRoleArn) {
        String prefix = Names.stackPrefix(stack);
        Output<String> policy = Output.tuple(AwsLookups.partition(parent), AwsLookups.accountId(parent), clusterRoleArn)
                .applyValue(t -> policy(t.t1.partition(), t.t1.dnsSuffix(), t.t2, region, t.t3));
        var key = new Key(Names.logical(name, "secrets"), KeyArgs.builder()
                .description("Envelope encryption of Kubernetes Secrets in " + Names.cluster(stack))
                .keyUsage("ENCRYPT_DECRYPT")
                .customerMasterKeySpec("SYMMETRIC_DEFAULT")
                .enableKeyRotation(true)
                .deletionWindowInDays(production ? 30 : 7)
                .policy(policy)
                .tags(AwsTags.of(stack, prefix + "-eks-secrets"))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        new Alias(Names.logical(name, "secrets"), AliasArgs.builder()
                .name("alias/" + prefix + "-eks-secrets")
                .targetKeyId(key.keyId())
                .build(), CustomResourceOptions.builder().parent(parent).build());
        return key;
    }

    static String policy(String partition, String dnsSuffix, String account, String region, String clusterRoleArn) {
        Map<String, Object> administer = new LinkedHashMap<>();
        administer.put("Sid", "AccountAdministersTheKey");
        administer.put("Effect", "Allow");
        administer.put("Principal", Map.of("AWS", "arn:" + partition + ":iam::" + account + ":root"));
        administer.put("Action", ADMIN_ACTIONS);
        administer.put("Resource", "*");

        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("kms:ViaService", "eks." + region + "." + dnsSuffix);
        conditions.put("kms:CallerAccount", account);
        Map<String, Object> use = new LinkedHashMap<>();
        use.put("Sid", "ClusterRoleUsesTheKeyThroughEks");
        use.put("Effect", "Allow");
        use.put("Principal", Map.of("AWS", clusterRoleArn));
        use.put("Action", CLUSTER_ACTIONS);
        use.put("Resource", "*");
        use.put("Condition", Map.of("StringEquals", conditions));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(administer, use));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(document);
    }
}
