package dev.bulkhead.cluster;

import com.pulumi.aws.eks.ClusterArgs.Builder;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.naming.Names;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * A private-endpoint EKS cluster built from {@code aws.eks.*} resources, and the Kubernetes provider every
 * in-cluster resource goes through.
 */
public final class Cluster extends ComponentResource {

    public static final String TYPE = "bulkhead:cluster:Cluster";

    private final Output<String> clusterName;
    private final Output<String> endpoint;
    private final Output<String> certificateAuthorityData;
    private final Output<String> nodeRoleArn;
    private final Provider kubernetesProvider;

    public Cluster(String name, ClusterArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var clusterRole = new Role(name + "-role", RoleArgs.builder()
                .name(Names.iamRole(args.stack(), "eks-cluster"))
                .assumeRolePolicy(ServiceTrust.forService("eks.amazonaws.com"))
                .build(), CustomResourceOptions.builder().parent(this).build());
        Builder eksArgs = com.pulumi.aws.eks.ClusterArgs.builder()
                .name(Names.cluster(args.stack()))
                .version(args.spec().kubernetesVersion())
                .roleArn(clusterRole.arn())
                .vpcConfig(ClusterVpcConfigArgs.builder()
                        .subnetIds(args.privateSubnetIds())
                        .endpointPrivateAccess(true)
                        .endpointPublicAccess(args.spec().publicEndpoint())
                        .build())
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API")
                        .bootstrapClusterCreatorAdminPermissions(false)
                        .build());
        var eks = new com.pulumi.aws.eks.Cluster(name, eksArgs.build(),
                CustomResourceOptions.builder().parent(this).build());
        this.clusterName = eks.name();
        this.endpoint = eks.endpoint();
        this.certificateAuthorityData = eks.certificateAuthority().applyValue(ca -> ca.data().orElse(""));
        this.nodeRoleArn = Output.of("");
        this.kubernetesProvider = new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(Kubeconfig.of(clusterName, endpoint, certificateAuthorityData, args.region(),
                        args.adminRoleArn()))
                .enableServerSideApply(true)
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("clusterName", clusterName, "endpoint", endpoint));
    }

    public Output<String> clusterName() {
        return clusterName;
    }

    public Output<String> endpoint() {
        return endpoint;
    }

    public Output<String> certificateAuthorityData() {
        return certificateAuthorityData;
    }

    public Output<String> nodeRoleArn() {
        return nodeRoleArn;
    }

    /** The provider every in-cluster resource must use; it authenticates as the platform admin role. */
    public Provider kubernetesProvider() {
        return kubernetesProvider;
    }
}
