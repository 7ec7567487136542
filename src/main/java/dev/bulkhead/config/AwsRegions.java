package dev.bulkhead.config;

import java.util.List;

/**
 * The AWS regions this release of Bulkhead knows. A name can match the region pattern and still not exist
 * ({@code eu-west-9}); {@code pulumi up} would then fail at the first AWS call, after the program ran, so the
 * stack's region must be one of these. A region AWS opens later is added here.
 */
final class AwsRegions {

    static final List<String> ALL = List.of(
            "af-south-1",
            "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
            "ap-southeast-7",
            "ca-central-1", "ca-west-1",
            "cn-north-1", "cn-northwest-1",
            "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2",
            "eu-west-3",
            "il-central-1",
            "me-central-1", "me-south-1",
            "mx-central-1",
            "sa-east-1",
            "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2");

    private AwsRegions() {
    }

    /** The ARN partition of {@code region}: {@code aws-cn} in China, {@code aws-us-gov} in GovCloud, else {@code aws}. */
    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
