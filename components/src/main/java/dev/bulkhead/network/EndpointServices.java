package dev.bulkhead.network;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * The AWS services a private cluster reaches through VPC endpoints instead of the internet, in one place.
 * A service's endpoint name is {@code <reverse DNS prefix>.<region>.<service>}, e.g.
 * {@code com.amazonaws.eu-west-1.ecr.api}.
 */
public final class EndpointServices {

    /** Pods and nodes exchange tokens for credentials. */
    public static final String STS = "sts";
    /** Image pulls: the ECR API (auth, manifests) and the Docker registry API. */
    public static final String ECR_API = "ecr.api";
    public static final String ECR_DKR = "ecr.dkr";
    /** The VPC CNI and node bootstrap call EC2. */
    public static final String EC2 = "ec2";
    /** Container and node logs to CloudWatch. */
    public static final String LOGS = "logs";
    /** The AWS Load Balancer Controller manages ALBs and target groups. */
    public static final String ELASTIC_LOAD_BALANCING = "elasticloadbalancing";
    /** EKS Pod Identity's credential exchange. */
    public static final String EKS_AUTH = "eks-auth";
    /** ECR image layers live in S3: a gateway endpoint, free and routed rather than resolved. */
    public static final String S3 = "s3";

    /** What SSM Session Manager needs; only created with the bastion. */
    public static final String SSM = "ssm";
    public static final String SSM_MESSAGES = "ssmmessages";
    public static final String EC2_MESSAGES = "ec2messages";

    /** The interface endpoints of every private cluster. */
    public static final List<String> CLUSTER_INTERFACE = List.of(STS, ECR_API, ECR_DKR, EC2, LOGS,
            ELASTIC_LOAD_BALANCING, EKS_AUTH);
    /** The gateway endpoints of every private cluster. */
    public static final List<String> CLUSTER_GATEWAY = List.of(S3);
    /** The interface endpoints the SSM-only bastion needs. */
    public static final List<String> SESSION_MANAGER = List.of(SSM, SSM_MESSAGES, EC2_MESSAGES);

    private EndpointServices() {
    }

    /** The endpoint service name of {@code service} in the parent's partition and region. */
    public static Output<String> serviceName(Resource parent, String service) {
        return Output.tuple(AwsLookups.partition(parent), AwsLookups.region(parent))
                .applyValue(t -> serviceName(t.t1.reverseDnsPrefix(), t.t2, service));
    }

    static String serviceName(String reverseDnsPrefix, String region, String service) {
        return reverseDnsPrefix + "." + region + "." + service;
    }
}
