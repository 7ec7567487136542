package dev.bulkhead.access;

import dev.bulkhead.model.AccessSpec;
import dev.bulkhead.model.ProjectSpec;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks {@link Access} makes before creating anything. The program's config parser reports the same
 * problems to the user with config paths; these exist so the component fails closed when used on its own.
 * Principal ARNs themselves are checked where trust policies are built ({@link TrustPolicies}).
 */
final class AccessValidation {

    /** {@code aws:MultiFactorAuthAge} bounds: 15 minutes to 12 hours. */
    static final int MFA_AGE_MIN = 900;
    static final int MFA_AGE_MAX = 43_200;
    /** IAM's bounds on a role's maximum session duration: 1 to 12 hours. */
    static final int SESSION_MIN = 3_600;
    static final int SESSION_MAX = 43_200;

    private AccessValidation() {
    }

    static void validate(AccessSpec spec, List<ProjectSpec> projects) {
        if (spec.mfaMaxAgeSeconds() < MFA_AGE_MIN || spec.mfaMaxAgeSeconds() > MFA_AGE_MAX) {
            throw new IllegalArgumentException("access: mfaMaxAgeSeconds must be between " + MFA_AGE_MIN
                    + " and " + MFA_AGE_MAX + ", got " + spec.mfaMaxAgeSeconds());
        }
        if (spec.maxSessionSeconds() < SESSION_MIN || spec.maxSessionSeconds() > SESSION_MAX) {
            throw new IllegalArgumentException("access: maxSessionSeconds must be between " + SESSION_MIN
                    + " and " + SESSION_MAX + ", got " + spec.maxSessionSeconds());
        }
        if (!spec.allowAdminAuditorOverlap()) {
            Set<String> both = new LinkedHashSet<>(spec.admins());
            both.retainAll(new HashSet<>(spec.auditors()));
            if (!both.isEmpty()) {
                throw new IllegalArgumentException("access: " + String.join(", ", both)
                        + " would be both admin and auditor; set allowAdminAuditorOverlap to allow it");
            }
        }
        Set<String> names = new HashSet<>();
        for (ProjectSpec project : projects) {
            if (!names.add(project.name())) {
                throw new IllegalArgumentException("access: project " + project.name() + " is listed twice");
            }
        }
    }
}
