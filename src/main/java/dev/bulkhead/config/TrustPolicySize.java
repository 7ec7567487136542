package dev.bulkhead.config;

import dev.bulkhead.access.TrustPolicies;

import java.util.List;

/**
 * Whether a human role's trust policy fits IAM's limit. Every principal a role trusts is named in its trust
 * policy, and IAM refuses a trust policy longer than {@value #MAX_CHARACTERS} characters (without whitespace) unless
 * the account's quota was raised, so a long list of principals would fail {@code pulumi up} at the role.
 */
final class TrustPolicySize {

    /** IAM's default limit on a role trust policy, in characters without whitespace. */
    static final int MAX_CHARACTERS = 2048;

    private TrustPolicySize() {
    }

    /** Records an error at {@code path} when the trust policy of {@code role} for {@code principals} cannot be saved. */
    static void check(ConfigReader reader, String path, String role, List<String> principals, int mfaMaxAgeSeconds,
                      boolean allowAccountRoot) {
        String document;
        try {
            document = TrustPolicies.mfaAssumeRole(principals, mfaMaxAgeSeconds, allowAccountRoot);
        } catch (IllegalArgumentException e) {
            reader.error(path, "the trust policy of the " + role + " cannot be written: "
                    + e.getMessage().replaceFirst("^access: ", ""));
            return;
        }
        int length = document.replaceAll("\\s", "").length();
        if (length > MAX_CHARACTERS) {
            reader.error(path, "the trust policy of the " + role + " would be " + length + " characters for "
                    + principals.size() + " principals, and IAM accepts at most " + MAX_CHARACTERS + "; trust fewer "
                    + "principals directly, e.g. name IAM roles that the people assume first");
        }
    }
}
