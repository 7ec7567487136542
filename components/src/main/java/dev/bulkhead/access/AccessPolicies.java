package dev.bulkhead.access;

/**
 * The AWS-owned policies the access layer grants, named in one place: EKS cluster access policies (what an
 * access entry may do inside Kubernetes) and AWS managed IAM policies (what a role may do in AWS).
 */
public final class AccessPolicies {

    /** Prefix of the EKS cluster access policies; they live in the {@code aws} partition's global namespace. */
    public static final String EKS_ACCESS_POLICY_PREFIX = "arn:aws:eks::aws:cluster-access-policy/";
    /** Full control of the cluster: the platform admin role, cluster scope. */
    public static final String EKS_CLUSTER_ADMIN = EKS_ACCESS_POLICY_PREFIX + "AmazonEKSClusterAdminPolicy";
    /** Read-only view of most objects (not Secrets): the auditor role, cluster scope. */
    public static final String EKS_VIEW = EKS_ACCESS_POLICY_PREFIX + "AmazonEKSViewPolicy";

    /** Access scope of an association that applies to the whole cluster. */
    public static final String SCOPE_CLUSTER = "cluster";
    /** Access entry type of an IAM principal used by people (as opposed to EC2_LINUX etc. for nodes). */
    public static final String ENTRY_STANDARD = "STANDARD";

    /** AWS managed policy of the platform admin role; capped by the human permissions boundary. */
    public static final String ADMINISTRATOR_ACCESS = "AdministratorAccess";
    /** AWS managed policy of the auditor role: reads security configuration (IAM, KMS, logs, network ...). */
    public static final String SECURITY_AUDIT = "SecurityAudit";
    /**
     * AWS managed policy of the auditor role: lists and describes resources across services without reading
     * their contents. Chosen with {@link #SECURITY_AUDIT} over {@code ReadOnlyAccess}, which also reads data
     * (S3 objects, table items, ...) an auditor has no need to see.
     */
    public static final String VIEW_ONLY_ACCESS = "job-function/ViewOnlyAccess";

    /** The IAM condition keys that carry a session's MFA state. */
    public static final String MFA_PRESENT = "aws:MultiFactorAuthPresent";
    public static final String MFA_AGE = "aws:MultiFactorAuthAge";
    public static final String PRINCIPAL_ARN = "aws:PrincipalArn";

    private AccessPolicies() {
    }

    /** The ARN of an AWS managed IAM policy, e.g. {@code arn:aws:iam::aws:policy/AdministratorAccess}. */
    public static String awsManaged(String partition, String name) {
        return "arn:" + partition + ":iam::aws:policy/" + name;
    }
}
