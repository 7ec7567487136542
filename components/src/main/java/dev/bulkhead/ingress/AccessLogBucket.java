package dev.bulkhead.ingress;

import com.google.gson.GsonBuilder;
import com.pulumi.aws.elb.ElbFunctions;
import com.pulumi.aws.elb.inputs.GetServiceAccountArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.naming.Names;
import dev.bulkhead.network.AwsLookups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The S3 bucket an ALB writes its access logs to: private (public access blocked, bucket-owner-enforced ownership,
 * TLS-only access), encrypted with SSE-S3 (the only encryption ALB log delivery supports), logs expiring after
 * {@value #RETENTION_DAYS} days, and writable only under {@code <prefix>/AWSLogs/<account>/} by the region's Elastic
 * Load Balancing account and the log delivery service.
 */
final class AccessLogBucket {

    static final int RETENTION_DAYS = 90;
    static final String PREFIX = "alb";
    /** S3 allows 37 characters for a bucket-name prefix; it appends a unique suffix. */
    private static final int BUCKET_PREFIX_MAX = 37;

    private final BucketV2 bucket;
    private final BucketPolicy policy;

    AccessLogBucket(String name, String stack, String project, boolean protect, Resource parent) {
        var options = CustomResourceOptions.builder().parent(parent).build();
        this.bucket = new BucketV2(name, BucketV2Args.builder()
                .bucketPrefix(Names.fit(Names.stackPrefix(stack) + "-" + project + "-alb-logs", BUCKET_PREFIX_MAX - 1) + "-")
                .forceDestroy(!protect)
                .tags(AwsTags.of(stack, project, name))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        var publicAccess = new BucketPublicAccessBlock(name, BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), options);
        new BucketOwnershipControls(name, BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), options);
        new BucketServerSideEncryptionConfigurationV2(name, BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(
                                BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                        .builder().sseAlgorithm("AES256").build())
                        .build())
                .build(), options);
        new BucketLifecycleConfigurationV2(name, BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-access-logs")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix(PREFIX + "/").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                .days(RETENTION_DAYS).build())
                        .build())
                .build(), options);
        Output<String> elbAccount = ElbFunctions.getServiceAccount(GetServiceAccountArgs.builder().build(),
                new InvokeOutputOptions(parent, null, null, List.of())).applyValue(r -> r.arn());
        Output<String> account = AwsLookups.accountId(parent);
        this.policy = new BucketPolicy(name, BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(Output.tuple(bucket.arn(), elbAccount, account)
                        .applyValue(t -> policy(t.t1, t.t2, t.t3)))
                .build(), CustomResourceOptions.builder().parent(parent)
                // a policy that grants a service principal is not "public", but ordering avoids a race with the block
                .dependsOn(List.of(publicAccess)).build());
    }

    /** The bucket's name. */
    Output<String> bucketName() {
        return bucket.bucket();
    }

    /** The ALB must wait for this: AWS checks that it may write a test object when access logs are enabled. */
    BucketPolicy policy() {
        return policy;
    }

    /** The bucket policy: log delivery writes under the ALB's prefix, and every request must use TLS. */
    static String policy(String bucketArn, String elbAccountArn, String account) {
        String logs = bucketArn + "/" + PREFIX + "/AWSLogs/" + account + "/*";
        var document = ordered("Version", "2012-10-17", "Statement", List.of(
                ordered("Sid", "ElbAccountWritesLogs", "Effect", "Allow", "Principal", Map.of("AWS", elbAccountArn),
                        "Action", "s3:PutObject", "Resource", logs),
                ordered("Sid", "LogDeliveryWritesLogs", "Effect", "Allow",
                        "Principal", Map.of("Service", "logdelivery.elasticloadbalancing.amazonaws.com"),
                        "Action", "s3:PutObject", "Resource", logs),
                ordered("Sid", "TlsOnly", "Effect", "Deny", "Principal", "*", "Action", "s3:*",
                        "Resource", List.of(bucketArn, bucketArn + "/*"),
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(document);
    }

    /** A map keeping the order written, so the same inputs always give the same JSON. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
