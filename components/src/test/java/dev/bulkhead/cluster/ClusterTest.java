package dev.bulkhead.cluster;

import dev.bulkhead.testing.MockedStack;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.bulkhead.mock.RecordedResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.bulkhead.testing.MockedStack.extract;
import static dev.bulkhead.testing.MockedStack.list;
import static dev.bulkhead.testing.MockedStack.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterTest {

    static final String EKS = "aws:eks/cluster:Cluster";
    static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
    static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    static final String ADDON = "aws:eks/addon:Addon";
    static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    static final String INSTANCE = "aws:ec2/instance:Instance";
    static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    static final String SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    static final String INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    @AfterEach
    void cleanup() {
        MockedStack.cleanup();
    }

    static Map<String, Object> eks(MockedStack<ClusterFixture> run) {
        return run.get(EKS, "cluster").inputs();
    }

    @Test
    void endpointIsPrivateOnlyByDefault() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        var vpcConfig = map(eks(run).get("vpcConfig"));
        assertEquals(true, vpcConfig.get("endpointPrivateAccess"));
        assertEquals(false, vpcConfig.get("endpointPublicAccess"));
        assertNull(vpcConfig.get("publicAccessCidrs"));
        assertNull(map(eks(run).get("tags")).get("bulkhead:public-endpoint"));
        assertEquals(List.of(), run.value.cluster().publicAccessCidrs());
    }

    @Test
    void publicEndpointOnlyForTheListedCidrsAndFlagged() {
        var spec = ClusterFixture.withPublicCidrs(ClusterFixture.spec(), List.of("203.0.113.0/24", "198.51.100.7/32"));
        var run = ClusterFixture.run(spec).assertNoErrors();
        var vpcConfig = map(eks(run).get("vpcConfig"));
        assertEquals(true, vpcConfig.get("endpointPrivateAccess"));
        assertEquals(true, vpcConfig.get("endpointPublicAccess"));
        assertEquals(List.of("203.0.113.0/24", "198.51.100.7/32"), vpcConfig.get("publicAccessCidrs"));
        assertEquals("true", map(eks(run).get("tags")).get("bulkhead:public-endpoint"));
    }

    @Test
    void controlPlaneRunsInThePrivateSubnets() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        assertEquals(extract(run.value.network().privateSubnetIds()), map(eks(run).get("vpcConfig")).get("subnetIds"));
    }

    @Test
    void secretsAreEncryptedWithTheDedicatedRotatingKey() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        var encryption = map(eks(run).get("encryptionConfig"));
        assertEquals(List.of("secrets"), encryption.get("resources"));
        String keyArn = extract(run.value.cluster().secretsKeyArn());
        assertTrue(keyArn.startsWith("arn:aws:kms:eu-west-1:111122223333:key/"), keyArn);
        assertEquals(keyArn, map(encryption.get("provider")).get("keyArn"));
        var key = run.get("aws:kms/key:Key", "cluster-secrets").inputs();
        assertEquals(true, key.get("enableKeyRotation"));
        assertEquals("SYMMETRIC_DEFAULT", key.get("customerMasterKeySpec"));
    }

    @Test
    void keyPolicyLetsOnlyTheClusterRoleUseTheKeyAndOnlyThroughEks() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        JsonObject policy = JsonParser.parseString(
                (String) run.get("aws:kms/key:Key", "cluster-secrets").inputs().get("policy")).getAsJsonObject();
        JsonArray statements = policy.getAsJsonArray("Statement");
        assertEquals(List.of("AccountAdministersTheKeyWithoutUsingIt", "KeepTheKeyRecoverableWithMfa",
                "EksMayGrantItselfUseOfTheKey", "ClusterRoleUsesTheKeyThroughEks"),
                statements.asList().stream().map(s -> s.getAsJsonObject().get("Sid").getAsString()).toList());
        JsonObject admin = statements.get(0).getAsJsonObject();
        assertEquals("arn:aws:iam::111122223333:root",
                admin.getAsJsonObject("Principal").get("AWS").getAsString());
        Set<String> adminActions = strings(admin.getAsJsonArray("Action"));
        for (String forbidden : List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:*",
                "kms:CreateGrant", "kms:PutKeyPolicy", "kms:Create*", "kms:Put*", "kms:ReplicateKey",
                "kms:ImportKeyMaterial")) {
            assertFalse(adminActions.contains(forbidden), "administering is not using or handing out: " + forbidden);
        }
        assertFalse(adminActions.stream().anyMatch(a -> a.contains("*")), "no wildcard hides a use right: "
                + adminActions);
        assertTrue(adminActions.containsAll(List.of("kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:RevokeGrant")));

        // the root may replace the policy only from a session with MFA: the key stays recoverable, by a person
        JsonObject recoverable = statements.get(1).getAsJsonObject();
        assertEquals("kms:PutKeyPolicy", recoverable.get("Action").getAsString());
        assertEquals("true", recoverable.getAsJsonObject("Condition").getAsJsonObject("Bool")
                .get("aws:MultiFactorAuthPresent").getAsString());

        // grants only for AWS resources, through EKS: not to a principal of the caller's choosing
        JsonObject grants = statements.get(2).getAsJsonObject();
        assertEquals("kms:CreateGrant", grants.get("Action").getAsString());
        assertEquals("true", grants.getAsJsonObject("Condition").getAsJsonObject("Bool")
                .get("kms:GrantIsForAWSResource").getAsString());
        assertEquals("eks.eu-west-1.amazonaws.com", grants.getAsJsonObject("Condition")
                .getAsJsonObject("StringEquals").get("kms:ViaService").getAsString());

        JsonObject use = statements.get(3).getAsJsonObject();
        assertEquals("arn:aws:iam::111122223333:role/bulkhead-dev-eks-cluster",
                use.getAsJsonObject("Principal").get("AWS").getAsString());
        assertTrue(strings(use.getAsJsonArray("Action")).containsAll(List.of("kms:Encrypt", "kms:Decrypt")));
        JsonObject conditions = use.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
        assertEquals("eks.eu-west-1.amazonaws.com", conditions.get("kms:ViaService").getAsString());
        assertEquals("111122223333", conditions.get("kms:CallerAccount").getAsString());
    }

    @Test
    void everyControlPlaneLogTypeGoesToALogGroupCreatedFirst() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        assertEquals(List.of("api", "audit", "authenticator", "controllerManager", "scheduler"),
                eks(run).get("enabledClusterLogTypes"));
        var logGroup = run.get("aws:cloudwatch/logGroup:LogGroup", "cluster-control-plane-logs").inputs();
        assertEquals("/aws/eks/bulkhead-dev/cluster", logGroup.get("name"));
        assertEquals(90.0, logGroup.get("retentionInDays"));
        assertEquals("bulkhead-dev", eks(run).get("name"));
    }

    @Test
    void authenticationIsApiOnlyWithoutCreatorAdmin() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        var access = map(eks(run).get("accessConfig"));
        assertEquals("API", access.get("authenticationMode"));
        assertEquals(false, access.get("bootstrapClusterCreatorAdminPermissions"));
        assertEquals(false, eks(run).get("bootstrapSelfManagedAddons"));
        assertEquals("1.31", eks(run).get("version"));
        assertEquals("172.20.0.0/16", map(eks(run).get("kubernetesNetworkConfig")).get("serviceIpv4Cidr"));
    }

    @Test
    void everyLaunchTemplateRequiresImdsV2WithHopLimitOneAndEncryptsTheRootVolume() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        List<RecordedResource> templates = run.ofType(LAUNCH_TEMPLATE);
        assertEquals(2, templates.size());
        for (RecordedResource template : templates) {
            var metadata = map(template.inputs().get("metadataOptions"));
            assertEquals("required", metadata.get("httpTokens"), template.name());
            assertEquals(1.0, metadata.get("httpPutResponseHopLimit"), template.name());
            assertEquals("enabled", metadata.get("httpEndpoint"));
            var ebs = map(map(list(template.inputs().get("blockDeviceMappings")).get(0)).get("ebs"));
            assertEquals("true", ebs.get("encrypted"));
            assertEquals("gp3", ebs.get("volumeType"));
            assertNull(template.inputs().get("keyName"), "no SSH key");
            assertNull(template.inputs().get("imageId"), "EKS picks the AMI");
        }
    }

    @Test
    void nodeGroupsRunOnlyInThePrivateSubnetsWithTheirLaunchTemplates() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        List<String> privateIds = extract(run.value.network().privateSubnetIds());
        Set<String> publicIds = new HashSet<>(extract(run.value.network().publicSubnetIds()));
        List<RecordedResource> groups = run.ofType(NODE_GROUP);
        assertEquals(2, groups.size());
        for (RecordedResource group : groups) {
            List<Object> subnets = list(group.inputs().get("subnetIds"));
            assertEquals(privateIds, subnets, group.name());
            assertTrue(subnets.stream().noneMatch(publicIds::contains));
            var launchTemplate = map(group.inputs().get("launchTemplate"));
            assertTrue(((String) launchTemplate.get("id")).startsWith("lt-0"));
            assertEquals("1", launchTemplate.get("version"));
            assertNull(group.inputs().get("remoteAccess"));
            assertEquals("1.31", group.inputs().get("version"));
        }
    }

    @Test
    void nodeGroupShapeLabelsTaintsAndArchitectureComeFromTheSpec() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        var general = run.get(NODE_GROUP, "cluster-nodes-general").inputs();
        assertEquals("bulkhead-dev-general", general.get("nodeGroupName"));
        assertEquals("AL2023_x86_64_STANDARD", general.get("amiType"));
        assertEquals(Map.of("minSize", 2.0, "desiredSize", 3.0, "maxSize", 6.0), general.get("scalingConfig"));
        var batch = run.get(NODE_GROUP, "cluster-nodes-batch").inputs();
        assertEquals("AL2023_ARM_64_STANDARD", batch.get("amiType"));
        assertEquals(Map.of("workload", "batch"), batch.get("labels"));
        assertEquals(List.of(Map.of("key", "workload", "value", "batch", "effect", "NO_SCHEDULE")),
                batch.get("taints"));
        var disk = map(map(list(run.get(LAUNCH_TEMPLATE, "cluster-nodes-batch").inputs()
                .get("blockDeviceMappings")).get(0)).get("ebs"));
        assertEquals(100.0, disk.get("volumeSize"));
    }

    @Test
    void vpcCniEnablesNetworkPolicyEnforcement() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        var cni = run.get(ADDON, "cluster-vpc-cni").inputs();
        assertEquals("vpc-cni", cni.get("addonName"));
        JsonObject configuration = JsonParser.parseString((String) cni.get("configurationValues")).getAsJsonObject();
        assertEquals("true", configuration.get("enableNetworkPolicy").getAsString());
        // strict: a new pod is default-deny until its policies are programmed, not default-allow
        assertEquals("strict", configuration.getAsJsonObject("env").get("NETWORK_POLICY_ENFORCING_MODE")
                .getAsString());
    }

    @Test
    void clusterDnsHasItsOwnPolicyBecauseStrictModeClosesItToo() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        var policy = run.get("kubernetes:networking.k8s.io/v1:NetworkPolicy", "cluster-coredns-policy");
        assertTrue(policy.providerUrn().orElseThrow().endsWith("cluster-k8s"), policy.providerUrn().toString());
        var spec = map(policy.inputs().get("spec"));
        assertEquals("kube-system", map(policy.inputs().get("metadata")).get("namespace"));
        assertEquals(Map.of("matchLabels", Map.of("k8s-app", "kube-dns")), spec.get("podSelector"));
        var ingress = list(spec.get("ingress"));
        assertEquals(1, ingress.size());
        // every pod may ask, but only on 53
        assertEquals(List.of(Map.of("port", 53.0, "protocol", "UDP"), Map.of("port", 53.0, "protocol", "TCP")),
                map(ingress.get(0)).get("ports"));
        String egress = spec.get("egress").toString();
        assertTrue(egress.contains("172.20.0.1/32") && egress.contains("443"), egress);
    }

    @Test
    void addOnsArePinnedInOnePlaceAndOverwriteConflicts() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        List<RecordedResource> addons = run.ofType(ADDON);
        assertEquals(Set.of("vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent"),
                addons.stream().map(a -> (String) a.inputs().get("addonName")).collect(Collectors.toSet()));
        for (RecordedResource addon : addons) {
            String name = (String) addon.inputs().get("addonName");
            assertEquals(AddonVersions.BY_KUBERNETES_VERSION.get("1.31").get(name), addon.inputs().get("addonVersion"));
            assertEquals("OVERWRITE", addon.inputs().get("resolveConflictsOnCreate"), name);
            assertEquals("OVERWRITE", addon.inputs().get("resolveConflictsOnUpdate"), name);
            assertEquals("bulkhead-dev", addon.inputs().get("clusterName"));
        }
        assertTrue(AddonVersions.of("1.31", "kube-proxy").startsWith("v1.31."));
    }

    @Test
    void rolesCarryOnlyTheManagedPoliciesTheyNeed() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        assertEquals(Set.of("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"), policiesOf(run, "cluster-cluster-role"));
        assertEquals(Set.of("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly"), policiesOf(run, "cluster-node-role"));
        assertEquals(Set.of("arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"), policiesOf(run, "cluster-vpc-cni"));
        assertEquals(extract(run.value.cluster().nodeRoleArn()),
                run.get(NODE_GROUP, "cluster-nodes-general").inputs().get("nodeRoleArn"));
    }

    @Test
    void theVpcCniGetsItsOwnPodIdentityNarrowedToAwsNode() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        var association = run.get("aws:eks/podIdentityAssociation:PodIdentityAssociation", "cluster-vpc-cni").inputs();
        assertEquals("kube-system", association.get("namespace"));
        assertEquals("aws-node", association.get("serviceAccount"));
        assertEquals("bulkhead-dev", association.get("clusterName"));
        assertEquals("arn:aws:iam::111122223333:role/bulkhead-dev-vpc-cni", association.get("roleArn"));
        JsonObject trust = JsonParser.parseString((String) run.get("aws:iam/role:Role", "cluster-vpc-cni").inputs()
                .get("assumeRolePolicy")).getAsJsonObject();
        JsonObject statement = trust.getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals("pods.eks.amazonaws.com", statement.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals(Set.of("sts:AssumeRole", "sts:TagSession"), strings(statement.getAsJsonArray("Action")));
        JsonObject conditions = statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
        assertEquals("aws-node", conditions.get("aws:RequestTag/kubernetes-service-account").getAsString());
        assertEquals("kube-system", conditions.get("aws:RequestTag/kubernetes-namespace").getAsString());
        assertEquals("bulkhead-dev", conditions.get("aws:RequestTag/eks-cluster-name").getAsString());
        assertEquals("111122223333", conditions.get("aws:SourceAccount").getAsString(),
                "Pod Identity acts for this account's clusters only");
    }

    @Test
    void productionChoosesExtendedSupportAndALongerKeyDeletionWindow() {
        var dev = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        assertEquals("STANDARD", map(eks(dev).get("upgradePolicy")).get("supportType"));
        assertEquals(7.0, dev.get("aws:kms/key:Key", "cluster-secrets").inputs().get("deletionWindowInDays"));
        MockedStack.cleanup();

        var prod = ClusterFixture.run(ClusterFixture.production(ClusterFixture.spec())).assertNoErrors();
        assertEquals("EXTENDED", map(eks(prod).get("upgradePolicy")).get("supportType"));
        assertEquals(30.0, prod.get("aws:kms/key:Key", "cluster-secrets").inputs().get("deletionWindowInDays"));
    }

    @Test
    void protectionProtectsTheStatefulResourcesAndNothingElse() {
        var open = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        assertEquals(java.util.Set.of(), open.protectedResources, "nothing is protected unless the program asks");
        MockedStack.cleanup();

        var run = ClusterFixture.run(ClusterFixture.spec(), 3, List.of(), true).assertNoErrors();
        assertEquals(java.util.Set.of(key(EKS, "cluster"), key("aws:kms/key:Key", "cluster-secrets"),
                key("aws:eks/nodeGroup:NodeGroup", "cluster-nodes-general"),
                key("aws:eks/nodeGroup:NodeGroup", "cluster-nodes-batch"),
                key("aws:cloudwatch/logGroup:LogGroup", "cluster-control-plane-logs"),
                key("aws:cloudwatch/logGroup:LogGroup", "network-flow-logs"),
                key("aws:ec2/vpc:Vpc", "network-vpc")), run.protectedResources);
        assertEquals(java.util.Set.of(key("aws:cloudwatch/logGroup:LogGroup", "cluster-control-plane-logs"),
                key("aws:cloudwatch/logGroup:LogGroup", "network-flow-logs")), run.retainedResources,
                "log groups outlive the stack");
    }

    @Test
    void kubernetesProviderAuthenticatesAsThePlatformAdminThroughGetToken() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        var provider = run.get("pulumi:providers:kubernetes", "cluster-k8s").inputs();
        JsonObject kubeconfig = JsonParser.parseString((String) provider.get("kubeconfig")).getAsJsonObject();
        JsonObject cluster = kubeconfig.getAsJsonArray("clusters").get(0).getAsJsonObject().getAsJsonObject("cluster");
        assertEquals(extract(run.value.cluster().endpoint()), cluster.get("server").getAsString());
        assertEquals(extract(run.value.cluster().certificateAuthorityData()),
                cluster.get("certificate-authority-data").getAsString());
        JsonObject exec = kubeconfig.getAsJsonArray("users").get(0).getAsJsonObject().getAsJsonObject("user")
                .getAsJsonObject("exec");
        assertEquals("aws", exec.get("command").getAsString());
        List<String> args = exec.getAsJsonArray("args").asList().stream().map(JsonElement::getAsString).toList();
        assertEquals(List.of("eks", "get-token", "--cluster-name", "bulkhead-dev", "--region", "eu-west-1",
                "--role-arn", ClusterFixture.ADMIN_ROLE), args);
    }

    @Test
    void noBastionUnlessAsked() {
        var run = ClusterFixture.run(ClusterFixture.spec()).assertNoErrors();
        assertTrue(run.ofType(INSTANCE).isEmpty());
        assertTrue(run.ofType(ENDPOINT).stream().noneMatch(e -> e.name().startsWith("cluster-")));
        assertTrue(run.value.cluster().bastionInstanceId().isEmpty());
        assertTrue(run.ofType(INGRESS_RULE).isEmpty());
    }

    @Test
    void bastionIsSsmOnlyInAPrivateSubnet() {
        var run = ClusterFixture.run(ClusterFixture.withBastion(ClusterFixture.spec())).assertNoErrors();
        var instance = run.get(INSTANCE, "cluster-bastion").inputs();
        assertEquals(extract(run.value.network().privateSubnetIds()).get(0), instance.get("subnetId"));
        assertEquals(false, instance.get("associatePublicIpAddress"));
        assertNull(instance.get("keyName"));
        assertTrue(((String) instance.get("ami")).startsWith("ami-0"));
        var metadata = map(instance.get("metadataOptions"));
        assertEquals("required", metadata.get("httpTokens"));
        assertEquals(1.0, metadata.get("httpPutResponseHopLimit"));
        assertEquals(true, map(instance.get("rootBlockDevice")).get("encrypted"));
        assertTrue(extract(run.value.cluster().bastionInstanceId().orElseThrow()).startsWith("i-0"));

        var securityGroup = run.get(SECURITY_GROUP, "cluster-bastion").inputs();
        assertTrue(list(securityGroup.getOrDefault("ingress", List.of())).isEmpty(), "no inbound rules");
        var egress = map(list(securityGroup.get("egress")).get(0));
        assertEquals(List.of("10.40.0.0/16"), egress.get("cidrBlocks"));
        assertEquals(443.0, egress.get("fromPort"));
        assertEquals(Set.of("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"),
                policiesOf(run, "cluster-bastion"));
    }

    @Test
    void bastionBringsItsSessionManagerEndpointsAndReachesTheApi() {
        var run = ClusterFixture.run(ClusterFixture.withBastion(ClusterFixture.spec())).assertNoErrors();
        for (String service : List.of("ssm", "ssmmessages", "ec2messages")) {
            var endpoint = run.get(ENDPOINT, "cluster-bastion-endpoint-" + service).inputs();
            assertEquals("com.amazonaws.eu-west-1." + service, endpoint.get("serviceName"));
            assertEquals(true, endpoint.get("privateDnsEnabled"));
        }
        var endpointGroup = run.get(SECURITY_GROUP, "cluster-bastion-endpoints").inputs();
        var ingress = map(list(endpointGroup.get("ingress")).get(0));
        assertEquals(1, list(ingress.get("securityGroups")).size(), "HTTPS from the bastion only");
        assertNull(ingress.get("cidrBlocks"));

        var rule = run.get(INGRESS_RULE, "cluster-api-from-bastion").inputs();
        assertEquals(extract(run.value.cluster().clusterSecurityGroupId()), rule.get("securityGroupId"));
        assertEquals(443.0, rule.get("fromPort"));
        assertTrue(((String) rule.get("referencedSecurityGroupId")).startsWith("sg-0"));
    }

    @Test
    void apiClientNetworksAreAdmittedToThePrivateEndpoint() {
        var run = ClusterFixture.run(ClusterFixture.spec(), 3, List.of("10.99.0.0/16")).assertNoErrors();
        var rule = run.get(INGRESS_RULE, "cluster-api-from-10.99.0.0-16").inputs();
        assertEquals("10.99.0.0/16", rule.get("cidrIpv4"));
        assertEquals(443.0, rule.get("toPort"));
    }

    @Test
    void fewerThanTwoZonesFailsBeforeTheClusterIsCreated() {
        var run = ClusterFixture.run(ClusterFixture.spec(), 1, List.of());
        assertTrue(run.result.exceptions().stream().anyMatch(e -> String.valueOf(e.getMessage())
                        .contains("EKS needs private subnets in at least two availability zones, got 1")),
                run.result.exceptions().toString());
    }

    @Test
    void everyTaggedResourceCarriesTheStackAndAName() {
        var run = ClusterFixture.run(ClusterFixture.withBastion(ClusterFixture.spec())).assertNoErrors();
        for (RecordedResource r : run.mocks.recorded().values()) {
            if (r.inputs().get("tags") instanceof Map<?, ?> tags) {
                assertEquals("dev", tags.get("bulkhead:stack"), r.name());
                assertTrue(tags.get("Name") instanceof String s && !s.isEmpty(), r.name());
            }
        }
    }

    private static Set<String> policiesOf(MockedStack<ClusterFixture> run, String prefix) {
        return run.ofType(ATTACHMENT).stream()
                .filter(a -> a.name().startsWith(prefix + "-Amazon"))
                .map(a -> (String) a.inputs().get("policyArn"))
                .collect(Collectors.toSet());
    }

    private static Set<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).collect(Collectors.toSet());
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }
}
