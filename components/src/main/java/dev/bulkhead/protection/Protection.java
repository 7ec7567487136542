package dev.bulkhead.protection;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceTransformation;

import java.util.List;
import java.util.Optional;

/**
 * The one place that decides which resources may not be deleted. Given to a component as a resource
 * transformation, it marks every stateful resource below it {@code protect} (the VPC, the EKS cluster and its node
 * groups, KMS keys, log groups, buckets, load balancers, project namespaces and projects' operator Stacks), and additionally
 * {@code retainOnDelete} where deleting would destroy data people expect to keep (log groups and buckets: audit
 * logs and access logs outlive the stack). A protected resource makes {@code pulumi up} and {@code pulumi destroy}
 * stop with an error instead of deleting it; lifting the protection is a deliberate change of config.
 */
public final class Protection {

    /** Resource types that hold state: recreating them loses data, addresses or the running workloads. */
    public static final List<String> PROTECTED_TYPES = List.of(
            "aws:ec2/vpc:Vpc",
            "aws:eks/cluster:Cluster",
            "aws:eks/nodeGroup:NodeGroup",
            "aws:kms/key:Key",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:s3/bucketV2:BucketV2",
            "aws:lb/loadBalancer:LoadBalancer");
    /** Of those, the ones whose data is kept even when the stack deletes them. */
    public static final List<String> RETAINED_TYPES = List.of(
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:s3/bucketV2:BucketV2");
    /** A project namespace: deleting it deletes every workload and volume claim in it. */
    public static final String NAMESPACE_TYPE = "kubernetes:core/v1:Namespace";
    /** A project's operator Stack: deleting it stops the project's own stack, whose workloads live in the namespaces. */
    public static final String PROJECT_STACK_TYPE = "kubernetes:pulumi.com/v1:Stack";

    private Protection() {
    }

    /** The transformations a component gets so that its stateful resources are protected: none when {@code on} is false. */
    public static List<ResourceTransformation> statefulResources(boolean on) {
        return on ? List.of(transformation(PROTECTED_TYPES)) : List.of();
    }

    /** The transformations that protect the namespaces below a component (and nothing else), when {@code on}. */
    public static List<ResourceTransformation> namespaces(boolean on) {
        return on ? List.of(transformation(List.of(NAMESPACE_TYPE))) : List.of();
    }

    /** The transformations that protect a project's operator Stack (given to the Stack itself), when {@code on}. */
    public static List<ResourceTransformation> projectStacks(boolean on) {
        return on ? List.of(transformation(List.of(PROJECT_STACK_TYPE))) : List.of();
    }

    /** Protects the resources of {@code types} below the component it is given to. */
    static ResourceTransformation transformation(List<String> types) {
        return args -> {
            String type = args.resource().pulumiResourceType();
            if (!types.contains(type) || !(args.options() instanceof CustomResourceOptions options)) {
                return Optional.empty();
            }
            var protect = CustomResourceOptions.builder().protect(true);
            if (RETAINED_TYPES.contains(type)) {
                protect.retainOnDelete(true);
            }
            return Optional.of(new ResourceTransformation.Result(args.args(),
                    CustomResourceOptions.merge(options, protect.build())));
        };
    }
}
