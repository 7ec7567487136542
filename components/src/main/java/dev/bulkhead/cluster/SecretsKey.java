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
 * Its policy separates administering the key from using it. The account (through IAM) may administer it but may
 * neither use it nor hand it out: no {@code kms:Encrypt}/{@code kms:Decrypt}, no {@code kms:CreateGrant} to a
 * principal of its choosing (a grant is a use right), and no rewrite of this policy except by a person with MFA.
 * Only the cluster role uses the key, and only through EKS in this region.
 *
 * <p>Statements, by Sid:
 * <ul>
 *   <li>{@value #SID_ADMINISTER}: describe, enable, disable, rotate, tag, schedule or cancel deletion, manage aliases
 *       and revoke grants;</li>
 *   <li>{@value #SID_RECOVERABLE}: {@code kms:PutKeyPolicy} for the account's sessions that carry MFA. This is the
 *       statement that keeps the key recoverable: without any principal allowed to replace the policy, a mistake
 *       in it (or a replaced cluster role) could be repaired only by AWS Support. MFA keeps it to people, never a
 *       pod or a CI credential; KMS's lockout check at creation passes because {@code pulumi up} runs with MFA;</li>
 *   <li>{@value #SID_SERVICE_GRANTS}: {@code kms:CreateGrant} only for grants an AWS service creates for its own
 *       resources ({@code kms:GrantIsForAWSResource}), through EKS: what EKS needs to set up secrets encryption;</li>
 *   <li>{@value #SID_CLUSTER}: the cluster role encrypts and decrypts through EKS.</li>
 * </ul>
 */
final class SecretsKey {

    static final String SID_ADMINISTER = "AccountAdministersTheKeyWithoutUsingIt";
    static final String SID_RECOVERABLE = "KeepTheKeyRecoverableWithMfa";
    static final String SID_SERVICE_GRANTS = "EksMayGrantItselfUseOfTheKey";
    static final String SID_CLUSTER = "ClusterRoleUsesTheKeyThroughEks";

    /** What the account (through IAM) may do: run the key, never use it or grant its use. */
    static final List<String> ADMIN_ACTIONS = List.of("kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus",
            "kms:ListAliases", "kms:ListGrants", "kms:ListKeyPolicies", "kms:ListResourceTags", "kms:EnableKey",
            "kms:DisableKey", "kms:EnableKeyRotation", "kms:DisableKeyRotation", "kms:RotateKeyOnDemand",
            "kms:ListKeyRotations", "kms:UpdateKeyDescription", "kms:CreateAlias", "kms:UpdateAlias",
            "kms:DeleteAlias", "kms:TagResource", "kms:UntagResource", "kms:RevokeGrant", "kms:ScheduleKeyDeletion",
            "kms:CancelKeyDeletion");
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
        String root = "arn:" + partition + ":iam::" + account + ":root";
        String viaEks = "eks." + region + "." + dnsSuffix;

        Map<String, Object> viaEksFromAccount = new LinkedHashMap<>();
        viaEksFromAccount.put("kms:ViaService", viaEks);
        viaEksFromAccount.put("kms:CallerAccount", account);

        Map<String, Object> serviceGrants = new LinkedHashMap<>();
        serviceGrants.put("Bool", Map.of("kms:GrantIsForAWSResource", "true"));
        serviceGrants.put("StringEquals", viaEksFromAccount);

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(
                statement(SID_ADMINISTER, root, ADMIN_ACTIONS, null),
                statement(SID_RECOVERABLE, root, List.of("kms:PutKeyPolicy"),
                        Map.of("Bool", Map.of("aws:MultiFactorAuthPresent", "true"))),
                statement(SID_SERVICE_GRANTS, root, List.of("kms:CreateGrant"), serviceGrants),
                statement(SID_CLUSTER, clusterRoleArn, CLUSTER_ACTIONS,
                        Map.of("StringEquals", viaEksFromAccount))));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(document);
    }

    private static Map<String, Object> statement(String sid, String principal, List<String> actions,
                                                 Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("AWS", principal));
        statement.put("Action", actions.size() == 1 ? actions.get(0) : actions);
        statement.put("Resource", "*");
        if (condition != null) {
            statement.put("Condition", condition);
        }
        return statement;
    }
}
