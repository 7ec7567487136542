package dev.bulkhead.cluster;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.kubernetes.KubernetesOptions;
import dev.bulkhead.kubernetes.KubernetesPlugin;
import dev.bulkhead.manifest.ManifestResources;
import dev.bulkhead.naming.Names;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A private-endpoint EKS cluster built from {@code aws.eks.*}, {@code aws.ec2.*}, {@code aws.iam.*} and
 * {@code aws.kms.*} resources (the com.pulumi:eks Java SDK cannot read its own outputs with the current core),
 * its node groups and add-ons, and the Kubernetes provider every in-cluster resource goes through.
 */
public final class Cluster extends ComponentResource {

    public static final String TYPE = "bulkhead:cluster:Cluster";

    private final com.pulumi.aws.eks.Cluster eks;
    private final Output<String> certificateAuthorityData;
    private final Output<String> clusterSecurityGroupId;
    private final ClusterRoles roles;
    private final Key secretsKey;
    private final EndpointAccess endpointAccess;
    private final Optional<Bastion.Created> bastion;
    private final Provider kubernetesProvider;
    private final Addon coredns;

    public Cluster(String name, ClusterArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.endpointAccess = new EndpointAccess(args.spec().publicAccessCidrs(), args.apiClientCidrs());
        ClusterValidation.check(args.spec(), args.vpcCidr());
        String version = args.spec().kubernetesVersion();

        this.roles = ClusterRoles.create(this, name, args.stack());
        this.secretsKey = SecretsKey.create(this, name, args.stack(), args.region(), args.spec().production(),
                roles.clusterRole().arn());
        this.eks = ControlPlane.create(this, name, args, endpointAccess, roles, secretsKey);
        this.clusterSecurityGroupId = ControlPlane.securityGroupId(eks);
        this.certificateAuthorityData = eks.certificateAuthority().applyValue(ca -> ca.data().orElse(""));

        Addons.BeforeNodes beforeNodes = Addons.beforeNodes(this, name, args.stack(), version, eks.name());
        List<NodeGroup> nodeGroups = NodeGroups.create(this, name, args, eks, roles, beforeNodes.addons());

        this.bastion = args.spec().bastion() ? Optional.of(Bastion.create(this, name, args)) : Optional.empty();
        admitApiClients(name, args);
        this.kubernetesProvider = kubernetesProvider(name, args, nodeGroups);
        // In strict mode CoreDNS starts default-deny: its policy must exist before its add-on can become healthy.
        var dnsPolicy = ManifestResources.create(Names.logical(name, "coredns-policy"),
                ClusterDnsPolicy.of(args.vpcCidr(), args.spec().serviceCidr()),
                KubernetesOptions.child(this, kubernetesProvider, nodeGroups));
        List<Resource> beforeDns = new ArrayList<>(nodeGroups);
        beforeDns.add(dnsPolicy);
        this.coredns = Addons.afterNodes(this, name, args.stack(), version, eks.name(), beforeDns);

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("clusterName", clusterName());
        outputs.put("clusterArn", clusterArn());
        outputs.put("endpoint", endpoint());
        outputs.put("clusterSecurityGroupId", clusterSecurityGroupId);
        outputs.put("nodeRoleArn", nodeRoleArn());
        outputs.put("secretsKeyArn", secretsKeyArn());
        outputs.put("publicAccessCidrs", Output.of(publicAccessCidrs()));
        bastionInstanceId().ifPresent(id -> outputs.put("bastionInstanceId", id));
        registerOutputs(outputs);
    }

    /** Opens the API endpoint's security group on 443 to the bastion and the configured client networks. */
    private void admitApiClients(String name, ClusterArgs args) {
        bastion.ifPresent(b -> apiIngress(Names.logical(name, "api-from-bastion"), args.stack(),
                "Kubernetes API from the SSM bastion", SecurityGroupIngressRuleArgs.builder()
                        .referencedSecurityGroupId(b.securityGroup().id())));
        for (String cidr : endpointAccess.apiClientCidrs()) {
            apiIngress(Names.logical(name, "api-from", cidr.replace('/', '-')), args.stack(),
                    "Kubernetes API from " + cidr, SecurityGroupIngressRuleArgs.builder().cidrIpv4(cidr));
        }
    }

    private void apiIngress(String logicalName, String stack, String description,
                            SecurityGroupIngressRuleArgs.Builder source) {
        new SecurityGroupIngressRule(logicalName, source
                .securityGroupId(clusterSecurityGroupId)
                .description(description)
                .ipProtocol("tcp")
                .fromPort(443)
                .toPort(443)
                .tags(AwsTags.of(stack, logicalName))
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /**
     * The provider for everything inside the cluster. It exists only once nodes are up; cluster DNS needs a
     * NetworkPolicy sent through it first, so whatever needs pods to run should also wait for {@link #dnsReady()}.
     */
    private Provider kubernetesProvider(String name, ClusterArgs args, List<NodeGroup> nodeGroups) {
        return new Provider(Names.logical(name, "k8s"), ProviderArgs.builder()
                .kubeconfig(Kubeconfig.of(clusterName(), endpoint(), certificateAuthorityData, args.region(),
                        args.adminRoleArn()))
                .enableServerSideApply(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(List.copyOf(nodeGroups))
                .version(KubernetesPlugin.VERSION).build());
    }

    public Output<String> clusterName() {
        return eks.name();
    }

    public Output<String> clusterArn() {
        return eks.arn();
    }

    public Output<String> endpoint() {
        return eks.endpoint();
    }

    public Output<String> certificateAuthorityData() {
        return certificateAuthorityData;
    }

    public Output<String> nodeRoleArn() {
        return roles.nodeRole().arn();
    }

    /** The EKS-managed security group of the control plane's ENIs and the nodes. */
    public Output<String> clusterSecurityGroupId() {
        return clusterSecurityGroupId;
    }

    /** The KMS key that encrypts Kubernetes Secrets. */
    public Output<String> secretsKeyArn() {
        return secretsKey.arn();
    }

    /** The networks that reach the public endpoint; empty when there is none (the default). */
    public List<String> publicAccessCidrs() {
        return endpointAccess.publicAccessCidrs();
    }

    /** The SSM bastion's instance id, when the spec asks for one: the target of a port-forward session. */
    public Optional<Output<String>> bastionInstanceId() {
        return bastion.map(b -> b.instance().id());
    }

    /** The CoreDNS add-on: once it exists the cluster resolves names, so pods can start and talk. */
    public Resource dnsReady() {
        return coredns;
    }

    /** The provider every in-cluster resource must use; it authenticates as the platform admin role. */
    public Provider kubernetesProvider() {
        return kubernetesProvider;
    }
}
