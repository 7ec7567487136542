package dev.bulkhead.config;

import java.util.regex.Pattern;

/**
 * The ARNs a stack names: IAM principals trusted by the human roles, the ACM certificate and WAF web ACL of a
 * project's ALB. The certificate and web ACL patterns capture the region (group 1) so it can be compared with
 * {@code aws:region}.
 */
final class Arns {

    /** An IAM user, role or account root; never a wildcard. */
    static final Pattern IAM_PRINCIPAL = Pattern.compile("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:(root|user/.+|role/.+)$");

    /** The account root, which stands for every principal of the account; the account is group 2. */
    static final Pattern ACCOUNT_ROOT = Pattern.compile("^arn:aws(-cn|-us-gov)?:iam::([0-9]{12}):root$");

    static final Pattern ACM_CERTIFICATE = Pattern.compile(
            "^arn:aws[a-z-]*:acm:([a-z0-9-]+):[0-9]{12}:certificate/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$");

    static final Pattern WAF_REGIONAL_WEB_ACL = Pattern.compile(
            "^arn:aws[a-z-]*:wafv2:([a-z0-9-]+):[0-9]{12}:regional/webacl/.+$");

    static final String IAM_PRINCIPAL_EXAMPLE =
            "arn:aws:iam::<12-digit account>:user/<name> or arn:aws:iam::<12-digit account>:role/<name>";

    private Arns() {
    }
}
