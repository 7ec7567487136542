package dev.bulkhead.mock;

import java.util.List;
import java.util.Map;

/**
 * The outputs AWS computes for the resource types Bulkhead reads outputs from: ARNs, the EKS endpoint and
 * certificate authority, ALB DNS names. Inputs are echoed by the caller; this adds what a real create returns.
 */
final class AwsOutputs {

    private AwsOutputs() {
    }

    static void add(String type, String name, Map<String, Object> inputs, String region, String account,
                    Map<String, Object> state) {
        if (!type.startsWith("aws:")) {
            return;
        }
        String physical = inputs.get("name") instanceof String s && !s.isEmpty() ? s : name;
        String service = type.substring(4, type.indexOf('/') > 0 ? type.indexOf('/') : type.length());
        String hash = PlausibleMocks.hex(type + name, 16);
        switch (type) {
            case "aws:iam/role:Role" -> {
                state.put("arn", "arn:aws:iam::" + account + ":role/" + physical);
                state.put("name", physical);
                state.put("uniqueId", "AROA" + hash.toUpperCase());
            }
            case "aws:iam/policy:Policy" -> {
                state.put("arn", "arn:aws:iam::" + account + ":policy/" + physical);
                state.put("name", physical);
            }
            case "aws:iam/group:Group" -> {
                state.put("arn", "arn:aws:iam::" + account + ":group/" + physical);
                state.put("name", physical);
            }
            case "aws:eks/cluster:Cluster" -> {
                state.put("arn", "arn:aws:eks:" + region + ":" + account + ":cluster/" + physical);
                state.put("name", physical);
                state.put("endpoint", "https://" + hash.toUpperCase() + ".gr7." + region + ".eks.amazonaws.com");
                state.put("certificateAuthority", Map.of("data",
                        PlausibleMocks.base64("-----BEGIN CERTIFICATE-----\nMOCK " + physical + "\n-----END CERTIFICATE-----\n")));
                state.put("identities", List.of(Map.of("oidcs", List.of(Map.of("issuer",
                        "https://oidc.eks." + region + ".amazonaws.com/id/" + hash.toUpperCase())))));
                state.put("status", "ACTIVE");
                state.put("platformVersion", "eks.1");
                Object vpcConfig = state.get("vpcConfig");
                if (vpcConfig instanceof Map<?, ?> vc) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) vc);
                    copy.put("clusterSecurityGroupId", "sg-0" + PlausibleMocks.hex("cluster-sg" + name, 16));
                    copy.put("vpcId", "vpc-0" + PlausibleMocks.hex("aws:ec2/vpc:Vpc" + name, 16));
                    state.put("vpcConfig", copy);
                }
            }
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                state.put("arn", "arn:aws:elasticloadbalancing:" + region + ":" + account
                        + ":loadbalancer/app/" + physical + "/" + hash);
                state.put("dnsName", physical + "-" + Long.parseLong(hash.substring(0, 8), 16) + "."
                        + region + ".elb.amazonaws.com");
                state.put("zoneId", "Z32O12XQLNTSW2");
            }
            case "aws:lb/targetGroup:TargetGroup" -> state.put("arn", "arn:aws:elasticloadbalancing:" + region
                    + ":" + account + ":targetgroup/" + physical + "/" + hash);
            case "aws:lb/listener:Listener" -> state.put("arn", "arn:aws:elasticloadbalancing:" + region + ":"
                    + account + ":listener/app/" + physical + "/" + hash);
            case "aws:kms/key:Key" -> {
                String id = PlausibleIds.id(type, name, inputs);
                state.put("arn", "arn:aws:kms:" + region + ":" + account + ":key/" + id);
                state.put("keyId", id);
            }
            case "aws:ec2/launchTemplate:LaunchTemplate" -> {
                state.put("latestVersion", 1);
                state.put("defaultVersion", 1);
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> state.put("arn",
                    "arn:aws:logs:" + region + ":" + account + ":log-group:" + physical);
            case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> {
                String bucket = inputs.get("bucket") instanceof String b ? b : physical;
                state.put("arn", "arn:aws:s3:::" + bucket);
                state.put("bucket", bucket);
                state.put("bucketDomainName", bucket + ".s3.amazonaws.com");
            }
            default -> state.putIfAbsent("arn", "arn:aws:" + service + ":" + region + ":" + account + ":"
                    + type.substring(type.lastIndexOf(':') + 1).toLowerCase() + "/" + physical);
        }
    }
}
