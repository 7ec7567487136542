package dev.bulkhead.access;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IAM principal a human trust policy may name: an account root, an IAM user or role, or an STS assumed-role
 * session. Parsing fails closed: wildcards and anything that is not a well-formed principal ARN are rejected,
 * even though the program's config parser checks the same, because a component must never widen trust on bad
 * input.
 *
 * @param arn       the ARN as given
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param account   the twelve-digit account id
 * @param kind      what the ARN names
 */
record PrincipalArn(String arn, String partition, String account, Kind kind) {

    /** What a principal ARN names. */
    enum Kind {
        /** {@code arn:aws:iam::<account>:root}: the account as a whole. */
        ROOT,
        /** An IAM user or role; {@code aws:PrincipalArn} of its requests is this ARN. */
        IDENTITY,
        /** One STS assumed-role session; {@code aws:PrincipalArn} of its requests is the role's ARN, not this. */
        SESSION
    }

    private static final Pattern FORMAT = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):(?:iam::(\\d{12}):(root|(?:user|role)/[\\w+=,.@/-]+)"
                    + "|sts::(\\d{12}):assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+)");

    static PrincipalArn parse(String arn) {
        if (arn == null || arn.isBlank()) {
            throw new IllegalArgumentException("access: an empty principal ARN cannot be trusted");
        }
        if (arn.contains("*") || arn.contains("?")) {
            throw new IllegalArgumentException("access: principal " + arn
                    + " contains a wildcard; trust policies name exact principals only");
        }
        Matcher m = FORMAT.matcher(arn);
        if (!m.matches()) {
            throw new IllegalArgumentException("access: " + arn + " is not an IAM user, role, assumed-role or "
                    + "account root ARN");
        }
        if (m.group(4) != null) {
            return new PrincipalArn(arn, m.group(1), m.group(4), Kind.SESSION);
        }
        return new PrincipalArn(arn, m.group(1), m.group(2), "root".equals(m.group(3)) ? Kind.ROOT : Kind.IDENTITY);
    }

    boolean root() {
        return kind == Kind.ROOT;
    }
}
