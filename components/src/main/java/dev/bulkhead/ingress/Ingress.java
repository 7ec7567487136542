package dev.bulkhead.ingress;

import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.model.IngressSpec;
import dev.bulkhead.naming.Names;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * A project's internet-facing ALB, built in Pulumi so that its ARN and DNS name are typed outputs: in the public
 * subnets, with its own security group, invalid header fields dropped, the strictest desync mitigation, access
 * logs, deletion protection while the project is protected and an optional WAF web ACL; an HTTPS listener with the
 * project's ACM certificate and TLS policy; an HTTP listener that only redirects; a target group of the gateway pods' IPs, reached
 * over TLS and health-checked on Envoy's readiness endpoint; the TargetGroupBinding that fills it; and the
 * certificate the gateway presents to the ALB.
 */
public final class Ingress extends ComponentResource {

    public static final String TYPE = "bulkhead:ingress:Ingress";

    private final Output<String> loadBalancerArn;
    private final Output<String> dnsName;
    private final Output<String> targetGroupArn;
    private final Output<String> securityGroupId;

    public Ingress(String name, IngressArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        String project = args.project().name();
        IngressSpec spec = args.project().ingress().orElseThrow();
        var child = CustomResourceOptions.builder().parent(this).build();

        var securityGroup = new LoadBalancerSecurityGroup(name + "-alb", args.stack(), project, args.vpcId(),
                args.privateSubnetCidrs(), this);
        var logs = new AccessLogBucket(name + "-alb-logs", args.stack(), project, args.protect(), this);

        String albName = Names.alb(args.stack(), project);
        var alb = new LoadBalancer(name, LoadBalancerArgs.builder()
                .name(albName)
                .loadBalancerType("application")
                .internal(false)
                .ipAddressType("ipv4")
                .subnets(args.publicSubnetIds())
                .securityGroups(securityGroup.id().applyValue(List::of))
                .dropInvalidHeaderFields(true)
                .desyncMitigationMode("strictest")
                .enableDeletionProtection(args.protect())
                .enableHttp2(true)
                .accessLogs(LoadBalancerAccessLogsArgs.builder()
                        .bucket(logs.bucketName())
                        .prefix(AccessLogBucket.PREFIX)
                        .enabled(true)
                        .build())
                .tags(AwsTags.of(args.stack(), project, albName))
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(List.of(logs.policy())).build());

        String targetGroupName = Names.targetGroup(args.stack(), project);
        var targetGroup = new TargetGroup(name, TargetGroupArgs.builder()
                .name(targetGroupName)
                .targetType("ip")
                .protocol("HTTPS")
                .port(GatewayPorts.PUBLIC)
                .vpcId(args.vpcId())
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .port(String.valueOf(GatewayPorts.HEALTH))
                        .path(GatewayPorts.HEALTH_PATH)
                        .matcher("200")
                        .build())
                .tags(AwsTags.of(args.stack(), project, targetGroupName))
                .build(), child);

        new Listener(name + "-https", ListenerArgs.builder()
                .loadBalancerArn(alb.arn())
                .port(443)
                .protocol("HTTPS")
                .sslPolicy(spec.tlsPolicy())
                .certificateArn(spec.certificateArn())
                .defaultActions(ListenerDefaultActionArgs.builder()
                        .type("forward")
                        .targetGroupArn(targetGroup.arn())
                        .build())
                .tags(AwsTags.of(args.stack(), project, name + "-https"))
                .build(), child);
        new Listener(name + "-http", ListenerArgs.builder()
                .loadBalancerArn(alb.arn())
                .port(80)
                .protocol("HTTP")
                .defaultActions(ListenerDefaultActionArgs.builder()
                        .type("redirect")
                        .redirect(ListenerDefaultActionRedirectArgs.builder()
                                .protocol("HTTPS")
                                .port("443")
                                .statusCode("HTTP_301")
                                .build())
                        .build())
                .tags(AwsTags.of(args.stack(), project, name + "-http"))
                .build(), child);
        spec.webAclArn().ifPresent(acl -> new WebAclAssociation(name, WebAclAssociationArgs.builder()
                .resourceArn(alb.arn())
                .webAclArn(acl)
                .build(), child));

        new GatewayCertificate(name + "-gateway-tls", project, args.provider(), args.gatewayGuards(), this);
        TargetGroupBinding.create(name + "-target-group-binding", project, targetGroup.arn(), securityGroup.id(),
                args.provider(), args.gatewayGuards(), this);

        this.loadBalancerArn = alb.arn();
        this.dnsName = alb.dnsName();
        this.targetGroupArn = targetGroup.arn();
        this.securityGroupId = securityGroup.id();
        registerOutputs(Map.of(
                "loadBalancerArn", loadBalancerArn,
                "dnsName", dnsName,
                "targetGroupArn", targetGroupArn,
                "securityGroupId", securityGroupId));
    }

    public Output<String> loadBalancerArn() {
        return loadBalancerArn;
    }

    /** Where the project's DNS records (CNAME or alias) for its route hosts must point. */
    public Output<String> dnsName() {
        return dnsName;
    }

    public Output<String> targetGroupArn() {
        return targetGroupArn;
    }

    public Output<String> securityGroupId() {
        return securityGroupId;
    }
}
