package dev.bulkhead.model;

import java.util.List;

/**
 * Who may assume the platform's human roles, and how fresh their MFA must be.
 *
 * @param mfaMaxAgeSeconds          bound on {@code aws:MultiFactorAuthAge} in every human trust policy
 * @param maxSessionSeconds         maximum session duration of the human roles
 * @param admins                    IAM principal ARNs that may assume the platform admin role
 * @param auditors                  IAM principal ARNs that may assume the read-only auditor role
 * @param allowAdminAuditorOverlap  whether one principal may be both admin and auditor
 * @param allowAccountRoot          whether an account root ARN may be trusted (then narrowed by principal ARN)
 */
public record AccessSpec(
        int mfaMaxAgeSeconds,
        int maxSessionSeconds,
        List<String> admins,
        List<String> auditors,
        boolean allowAdminAuditorOverlap,
        boolean allowAccountRoot) {

    public AccessSpec {
        admins = List.copyOf(admins);
        auditors = List.copyOf(auditors);
    }
}
