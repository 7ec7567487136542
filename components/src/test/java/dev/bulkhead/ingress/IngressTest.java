package dev.bulkhead.ingress;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.test.PulumiTest;
import dev.bulkhead.mock.RecordedResource;
import dev.bulkhead.model.IngressSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.QuotaSpec;
import dev.bulkhead.model.RouteSpec;
import dev.bulkhead.model.ServiceRef;
import dev.bulkhead.protection.Protection;
import dev.bulkhead.project.MockRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inputs of a project's ALB and what surrounds it, as registered under the mock engine. */
class IngressTest {

    private static final String CERTIFICATE =
            "arn:aws:acm:eu-west-1:111122223333:certificate/11111111-2222-3333-4444-555555555555";
    private static final String WEB_ACL = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/shop/abc";
    private static final List<String> PUBLIC_SUBNETS = List.of("subnet-0public0a", "subnet-0public0b");
    private static final List<String> PRIVATE_CIDRS = List.of("10.40.0.0/19", "10.40.32.0/19");

    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    private static final String LISTENER = "aws:lb/listener:Listener";
    private static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void theAlbIsInternetFacingInThePublicSubnetsAndDropsWhatItCannotParse() {
        var lb = run(false, Optional.empty()).find(LOAD_BALANCER, "ingress-shop").inputs();
        assertEquals("dev-shop", lb.get("name"));
        assertEquals("application", lb.get("loadBalancerType"));
        assertEquals(false, lb.get("internal"));
        assertEquals(PUBLIC_SUBNETS, lb.get("subnets"));
        assertEquals(true, lb.get("dropInvalidHeaderFields"));
        assertEquals("strictest", lb.get("desyncMitigationMode"));
        assertEquals(1, ((List<?>) lb.get("securityGroups")).size());
    }

    @Test
    void accessLogsGoToAPrivateEncryptedExpiringBucket() {
        MockRun run = run(false, Optional.empty());
        var logs = (Map<?, ?>) run.find(LOAD_BALANCER, "ingress-shop").inputs().get("accessLogs");
        assertEquals(true, logs.get("enabled"));
        assertEquals("alb", logs.get("prefix"));
        var bucket = run.find("aws:s3/bucketV2:BucketV2", "ingress-shop-alb-logs");
        assertTrue(((String) bucket.inputs().get("bucketPrefix")).startsWith("bulkhead-dev-shop-alb-logs"));
        var block = run.find("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "ingress-shop-alb-logs").inputs();
        for (String key : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, block.get(key), key);
        }
        String sse = run.find("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "ingress-shop-alb-logs").inputs().toString();
        assertTrue(sse.contains("sseAlgorithm=AES256"), sse);
        String lifecycle = run.find("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "ingress-shop-alb-logs").inputs().toString();
        assertTrue(lifecycle.contains("days=90.0") && lifecycle.contains("status=Enabled"), lifecycle);
        String policy = (String) run.find("aws:s3/bucketPolicy:BucketPolicy", "ingress-shop-alb-logs").inputs().get("policy");
        assertTrue(policy.contains("/alb/AWSLogs/111122223333/*"), policy);
        assertTrue(policy.contains("\"AWS\":\"arn:aws:iam::"), policy);
        assertTrue(policy.contains("logdelivery.elasticloadbalancing.amazonaws.com"), policy);
        assertTrue(policy.contains("\"aws:SecureTransport\":\"false\""), policy);
    }

    @Test
    void aProtectedProjectKeepsItsLoadBalancerAndItsLogs() {
        var open = run(false, Optional.empty());
        assertEquals(false, open.find(LOAD_BALANCER, "ingress-shop").inputs().get("enableDeletionProtection"));
        assertFalse(open.registration(LOAD_BALANCER, "ingress-shop").options().isProtect());
        assertEquals(true, open.find(BUCKET, "ingress-shop-alb-logs").inputs().get("forceDestroy"));
        PulumiTest.cleanup();
        var kept = run(true, Optional.empty());
        assertEquals(true, kept.find(LOAD_BALANCER, "ingress-shop").inputs().get("enableDeletionProtection"));
        assertTrue(kept.registration(LOAD_BALANCER, "ingress-shop").options().isProtect());
        assertFalse(kept.registration(LOAD_BALANCER, "ingress-shop").options().isRetainOnDelete());
        assertEquals(false, kept.find(BUCKET, "ingress-shop-alb-logs").inputs().get("forceDestroy"));
        assertTrue(kept.registration(BUCKET, "ingress-shop-alb-logs").options().isProtect());
        assertTrue(kept.registration(BUCKET, "ingress-shop-alb-logs").options().isRetainOnDelete(),
                "access logs outlive the stack");
        assertFalse(kept.registration(LISTENER, "ingress-shop-https").options().isProtect());
    }

    @Test
    void httpsListenerUsesTheProjectsCertificateAndTlsPolicyAndForwardsToTheGateway() {
        MockRun run = run(false, Optional.empty());
        var https = run.find(LISTENER, "ingress-shop-https").inputs();
        assertEquals(443.0, https.get("port"));
        assertEquals("HTTPS", https.get("protocol"));
        assertEquals(CERTIFICATE, https.get("certificateArn"));
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", https.get("sslPolicy"));
        var actions = (List<?>) https.get("defaultActions");
        assertEquals(1, actions.size());
        assertEquals("forward", ((Map<?, ?>) actions.get(0)).get("type"));
    }

    @Test
    void httpListenerDoesNothingButRedirectToHttps() {
        var http = run(false, Optional.empty()).find(LISTENER, "ingress-shop-http").inputs();
        assertEquals(80.0, http.get("port"));
        assertEquals("HTTP", http.get("protocol"));
        assertEquals(List.of(Map.of("type", "redirect",
                        "redirect", Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301"))),
                http.get("defaultActions"));
        assertFalse(http.containsKey("certificateArn"));
    }

    @Test
    void theTargetGroupReachesTheGatewayPodsOverTlsAndChecksEnvoysReadiness() {
        var tg = run(false, Optional.empty()).find(TARGET_GROUP, "ingress-shop").inputs();
        assertEquals("dev-shop-gw", tg.get("name"));
        assertEquals("ip", tg.get("targetType"));
        assertEquals("HTTPS", tg.get("protocol"));
        assertEquals((double) GatewayPorts.PUBLIC, tg.get("port"));
        var health = (Map<?, ?>) tg.get("healthCheck");
        assertEquals("15021", health.get("port"));
        assertEquals("/healthz/ready", health.get("path"));
        assertEquals("HTTP", health.get("protocol"));
    }

    @Test
    void theSecurityGroupAdmitsHttpsAndHttpAndSendsOnlyToTheGatewayPorts() {
        MockRun run = run(false, Optional.empty());
        List<RecordedResource> in = run.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assertEquals(List.of(80.0, 443.0), in.stream().map(r -> (Double) r.inputs().get("fromPort")).sorted().toList());
        in.forEach(r -> assertEquals(r.inputs().get("fromPort"), r.inputs().get("toPort")));
        List<RecordedResource> out = run.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
        assertEquals(4, out.size());
        for (RecordedResource rule : out) {
            assertTrue(PRIVATE_CIDRS.contains(rule.inputs().get("cidrIpv4")), rule.inputs().toString());
            assertTrue(List.of(8443.0, 15021.0).contains(rule.inputs().get("fromPort")), rule.inputs().toString());
            assertEquals(rule.inputs().get("fromPort"), rule.inputs().get("toPort"));
        }
    }

    @Test
    void aWebAclIsAssociatedOnlyWhenConfigured() {
        assertTrue(run(false, Optional.empty()).ofType("aws:wafv2/webAclAssociation:WebAclAssociation").isEmpty());
        PulumiTest.cleanup();
        var association = run(false, Optional.of(WEB_ACL)).find("aws:wafv2/webAclAssociation:WebAclAssociation",
                "ingress-shop");
        assertEquals(WEB_ACL, association.inputs().get("webAclArn"));
    }

    @Test
    void theTargetGroupBindingBindsTheGatewayServiceAndAdmitsOnlyTheAlbsSecurityGroup() {
        MockRun run = run(false, Optional.empty());
        var binding = run.find("kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding",
                "ingress-shop-target-group-binding").inputs();
        assertEquals("shop-gateway", ((Map<?, ?>) binding.get("metadata")).get("namespace"));
        var spec = (Map<?, ?>) binding.get("spec");
        assertEquals(MockRun.asEngineSees(Map.of("name", "shop-gateway-istio", "port", GatewayPorts.PUBLIC)),
                spec.get("serviceRef"));
        assertEquals("ip", spec.get("targetType"));
        String tgArn = (String) spec.get("targetGroupARN");
        assertTrue(tgArn.contains(":targetgroup/dev-shop-gw/"), tgArn);
        var ingress = (List<?>) ((Map<?, ?>) spec.get("networking")).get("ingress");
        assertEquals(1, ingress.size());
        var from = (List<?>) ((Map<?, ?>) ingress.get(0)).get("from");
        assertEquals(1, from.size());
        String groupId = (String) ((Map<?, ?>) ((Map<?, ?>) from.get(0)).get("securityGroup")).get("groupID");
        assertTrue(groupId.startsWith("sg-"), groupId);
        assertEquals(run.find("aws:ec2/securityGroup:SecurityGroup", "ingress-shop-alb").inputs().get("vpcId"), "vpc-0test");
    }

    @Test
    void theGatewayCertificateIsAKubernetesTlsSecretRenewedBeforeItExpires() {
        MockRun run = run(false, Optional.empty());
        var secret = run.find("kubernetes:core/v1:Secret", "ingress-shop-gateway-tls").inputs();
        assertEquals("kubernetes.io/tls", secret.get("type"));
        assertEquals("shop-gateway-tls", ((Map<?, ?>) secret.get("metadata")).get("name"));
        var cert = run.find(TlsSelfSignedCert.TYPE, "ingress-shop-gateway-tls").inputs();
        assertEquals(List.of("shop-gateway-istio.shop-gateway.svc", "shop-gateway-istio.shop-gateway.svc.cluster.local"),
                cert.get("dnsNames"));
        assertTrue((Double) cert.get("earlyRenewalHours") < (Double) cert.get("validityPeriodHours"));
        assertEquals(List.of("digital_signature", "key_encipherment", "server_auth"), cert.get("allowedUses"));
        assertEquals("ECDSA", run.find(TlsPrivateKey.TYPE, "ingress-shop-gateway-tls").inputs().get("algorithm"));
    }

    private static MockRun run(boolean protect, Optional<String> webAcl) {
        var spec = new ProjectSpec("shop", List.of("shop-web"), List.of(),
                Optional.of(new IngressSpec(CERTIFICATE, IngressSpec.DEFAULT_TLS_POLICY, webAcl, List.of(
                        new RouteSpec("shop.example.com", "/", new ServiceRef("shop-web", "storefront"), 8080)))),
                List.of(), List.of(), QuotaSpec.defaults(), List.of(15020));
        return MockRun.of(provider -> new Ingress("ingress-shop", IngressArgs.builder()
                .stack("dev")
                .protect(protect)
                .project(spec)
                .vpcId(Output.of("vpc-0test"))
                .publicSubnetIds(Output.of(PUBLIC_SUBNETS))
                .privateSubnetCidrs(PRIVATE_CIDRS)
                .provider(provider)
                .build(), ComponentResourceOptions.builder()
                .resourceTransformations(Protection.statefulResources(protect)).build()));
    }
}
