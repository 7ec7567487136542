package dev.bulkhead.network;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.aws.outputs.GetPartitionResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * The few facts about the AWS account the program runs against that names and policies need: account id,
 * partition and region. Each is an invoke made as a child of {@code parent}, so it uses the parent's provider.
 */
public final class AwsLookups {

    private AwsLookups() {
    }

    public static Output<String> accountId(Resource parent) {
        return AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), options(parent))
                .applyValue(r -> r.accountId());
    }

    public static Output<GetPartitionResult> partition(Resource parent) {
        return AwsFunctions.getPartition(GetPartitionArgs.builder().build(), options(parent));
    }

    public static Output<String> region(Resource parent) {
        return AwsFunctions.getRegion(GetRegionArgs.builder().build(), options(parent)).applyValue(r -> r.name());
    }

    static InvokeOutputOptions options(Resource parent) {
        return new InvokeOutputOptions(parent, null, null, List.of());
    }
}
