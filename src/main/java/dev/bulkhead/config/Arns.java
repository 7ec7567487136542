package dev.bulkhead.config;

import java.util.regex.Pattern;

/**
 * The ARNs a stack names: IAM principals trusted by the human roles, the ACM certificate and WAF web ACL of a
 * project's ALB. The certificate and web ACL patterns capture the partition (group 1) and the region (group 2) so
 * they can be compared with {@code aws:region}.
 */
final class Arns {

    /**
     * An IAM user, role or account root; never a wildcard. The partition is group 1; user and role names are IAM's
     * characters (letters, digits and {@code +=,.@_-}, at most 64), after an optional path of such segments.
     */
    static final Pattern IAM_PRINCIPAL = Pattern.compile(
            "^arn:(aws|aws-cn|aws-us-gov):iam::[0-9]{12}:(root|(user|role)/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$");

    /** The account root, which stands for every principal of the account; the account is group 2. */
    static final Pattern ACCOUNT_ROOT = Pattern.compile("^arn:aws(-cn|-us-gov)?:iam::([0-9]{12}):root$");

    static final Pattern ACM_CERTIFICATE = Pattern.compile(
            "^arn:(aws[a-z-]*):acm:([a-z0-9-]+):[0-9]{12}:certificate/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$");

    static final Pattern WAF_REGIONAL_WEB_ACL = Pattern.compile(
            "^arn:(aws[a-z-]*):wafv2:([a-z0-9-]+):[0-9]{12}:regional/webacl/[\\w-]+/[0-9a-f-]+$");

    static final String IAM_PRINCIPAL_EXAMPLE =
            "arn:aws:iam::<12-digit account>:user/<name> or arn:aws:iam::<12-digit account>:role/<name>";

    private Arns() {
    }
}
