package dev.bulkhead.access;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;

/**
 * Where the stack deploys: partition, account and region, read from the AWS provider (the caller's identity and
 * configured region), so policies can name this account's and region's resources exactly instead of with
 * wildcards.
 */
record AwsAccount(String partition, String accountId, String region) {

    /** Looks the account up through the provider that {@code parent}'s children use. */
    static Output<AwsAccount> lookup(Resource parent) {
        var options = InvokeOptions.builder().parent(parent).build();
        var identity = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), options);
        var region = AwsFunctions.getRegion(GetRegionArgs.builder().build(), options);
        return Output.tuple(identity, region).applyValue(t -> new AwsAccount(
                partitionOf(t.t1.arn()), t.t1.accountId(), t.t2.name()));
    }

    static String partitionOf(String arn) {
        String[] parts = arn.split(":", 3);
        if (parts.length < 3 || !parts[0].equals("arn") || parts[1].isEmpty()) {
            throw new IllegalStateException("access: cannot read the partition of caller ARN " + arn);
        }
        return parts[1];
    }

    String iam(String resource) {
        return "arn:" + partition + ":iam::" + accountId + ":" + resource;
    }

    String eksCluster(String clusterName) {
        return "arn:" + partition + ":eks:" + region + ":" + accountId + ":cluster/" + clusterName;
    }
}
