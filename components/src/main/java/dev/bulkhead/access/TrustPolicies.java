package dev.bulkhead.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Trust policies of the human roles: only the principals named in config may assume a role, only with
 * {@code sts:AssumeRole}, and only with an MFA session younger than the configured age. No statement ever allows
 * a wildcard principal.
 *
 * <p>Account roots. Naming {@code arn:aws:iam::<account>:root} in a trust policy delegates the decision to that
 * account's IAM: anyone there whose own policies allow {@code sts:AssumeRole} could come in. Bulkhead accepts a
 * root only when config sets {@code allowAccountRoot}, and then narrows it with {@code ArnLike aws:PrincipalArn}
 * to the IAM users and roles of the same account listed for the same role. The useful part of going through the
 * root is that IAM checks principals named directly exist when the policy is saved (and pins them to their
 * unique ids, so a recreated user silently loses access), whereas a principal ARN in a condition may be created
 * later. A root with no same-account principal to narrow to is rejected: falling back to a pattern such as
 * {@code role/*} would trust every role of that account, which is exactly the open door this layer exists to
 * close.
 *
 * <p>Actions. Only {@code sts:AssumeRole}. {@code sts:TagSession} is not needed (no attribute-based access here)
 * and {@code sts:SetSourceIdentity} is left out: CloudTrail already records which principal assumed the role,
 * and letting callers set their own source identity adds nothing a trust policy should vouch for.
 *
 * <p>No principals. A role nobody is configured to use is still created, so its ARN (and its cluster access
 * entry) are stable and it can be granted later by config alone. IAM rejects an empty statement list, so its
 * trust policy is one statement that denies {@code sts:AssumeRole} to everyone: valid, and trusts no one.
 */
public final class TrustPolicies {

    /** Sid of the statement that trusts directly named principals. */
    public static final String SID_DIRECT = "AssumeWithFreshMfa";
    /** Sid prefix of a statement that trusts an account root narrowed by principal ARN; the account id follows. */
    public static final String SID_ROOT_PREFIX = "AssumeWithFreshMfaFromAccount";
    /** Sid of the only statement of a role with no configured principals. */
    public static final String SID_NOBODY = "NoPrincipalConfigured";

    private TrustPolicies() {
    }

    /**
     * The trust policy of a human role.
     *
     * @param principals       principal ARNs from config; duplicates are ignored, order is kept
     * @param mfaMaxAgeSeconds bound on {@code aws:MultiFactorAuthAge}
     * @param allowAccountRoot whether an account root may appear (then narrowed, see the class comment)
     * @throws IllegalArgumentException on a wildcard or malformed ARN, a root that is not allowed, or a root with
     *                                  nothing of its account to narrow to
     */
    public static String mfaAssumeRole(List<String> principals, int mfaMaxAgeSeconds, boolean allowAccountRoot) {
        List<PrincipalArn> parsed = new ArrayList<>();
        for (String arn : new LinkedHashSet<>(principals)) {
            parsed.add(PrincipalArn.parse(arn));
        }
        if (parsed.isEmpty()) {
            return PolicyStatement.document(List.of(PolicyStatement.deny(SID_NOBODY)
                    .awsPrincipals(List.of("*"))
                    .actions("sts:AssumeRole")));
        }
        // account root ARN -> the same account's non-root principals it is narrowed to
        Map<PrincipalArn, List<String>> roots = new LinkedHashMap<>();
        for (PrincipalArn p : parsed) {
            if (p.root()) {
                if (!allowAccountRoot) {
                    throw new IllegalArgumentException("access: " + p.arn() + " is an account root; trusting a "
                            + "whole account needs bulkhead:access.allowAccountRoot");
                }
                List<String> narrowed = parsed.stream()
                        .filter(q -> q.kind() == PrincipalArn.Kind.IDENTITY && sameAccount(p, q))
                        .map(PrincipalArn::arn)
                        .toList();
                if (narrowed.isEmpty()) {
                    throw new IllegalArgumentException("access: " + p.arn() + " is trusted, but no user or role "
                            + "of account " + p.account() + " is listed to narrow it to");
                }
                roots.put(p, narrowed);
            }
        }
        List<String> direct = parsed.stream()
                .filter(q -> q.kind() == PrincipalArn.Kind.SESSION || q.kind() == PrincipalArn.Kind.IDENTITY
                        && roots.keySet().stream().noneMatch(r -> sameAccount(r, q)))
                .map(PrincipalArn::arn)
                .toList();

        List<PolicyStatement> statements = new ArrayList<>();
        if (!direct.isEmpty()) {
            statements.add(PolicyStatement.allow(SID_DIRECT)
                    .awsPrincipals(direct)
                    .actions("sts:AssumeRole")
                    .requireFreshMfa(mfaMaxAgeSeconds));
        }
        for (var root : roots.entrySet()) {
            statements.add(PolicyStatement.allow(SID_ROOT_PREFIX + root.getKey().account())
                    .awsPrincipals(List.of(root.getKey().arn()))
                    .actions("sts:AssumeRole")
                    .requireFreshMfa(mfaMaxAgeSeconds)
                    .condition("ArnLike", AccessPolicies.PRINCIPAL_ARN, root.getValue()));
        }
        return PolicyStatement.document(statements);
    }

    private static boolean sameAccount(PrincipalArn a, PrincipalArn b) {
        return a.partition().equals(b.partition()) && a.account().equals(b.account());
    }
}
