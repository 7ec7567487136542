package dev.bulkhead.access;

import java.util.List;

/**
 * The force-MFA policy for IAM users (attached to the force-MFA group): until a user's session carries MFA, the
 * only things it can do are set up and use an MFA device, change the user's own password, and get an MFA session
 * token. A leaked password or access key alone therefore gets nothing, not even {@code sts:AssumeRole}.
 *
 * <p>This follows the pattern AWS documents for self-managed MFA: a few allows scoped to the caller's own user
 * ({@code ${aws:username}}) and one deny of everything else when {@code aws:MultiFactorAuthPresent} is false or
 * absent (requests signed with long-term access keys carry no MFA flag at all, hence {@code BoolIfExists}).
 * Deactivating one's own MFA device additionally needs an MFA session, so a stolen password cannot swap the
 * device.
 */
public final class ForceMfaPolicy {

    public static final String SID_LIST = "SeeMfaDevicesAndPasswordRules";
    public static final String SID_CREATE_DEVICE = "CreateVirtualMfaDevice";
    public static final String SID_OWN_USER = "ManageOwnMfaAndPassword";
    public static final String SID_DEACTIVATE = "DeactivateOwnMfaOnlyWithMfa";
    public static final String SID_DENY = "DenyEverythingElseWithoutMfa";

    /** What a session without MFA may still do: exactly what it takes to get MFA set up and used. */
    public static final List<String> ALLOWED_WITHOUT_MFA = List.of(
            "iam:CreateVirtualMFADevice",
            "iam:EnableMFADevice",
            "iam:ResyncMFADevice",
            "iam:GetMFADevice",
            "iam:ListMFADevices",
            "iam:ListVirtualMFADevices",
            "iam:GetUser",
            "iam:ChangePassword",
            "iam:GetAccountPasswordPolicy",
            "sts:GetSessionToken");

    private ForceMfaPolicy() {
    }

    static String document(AwsAccount account) {
        String ownUser = account.iam("user/${aws:username}");
        return PolicyStatement.document(List.of(
                PolicyStatement.allow(SID_LIST)
                        .actions("iam:ListVirtualMFADevices", "iam:GetAccountPasswordPolicy")
                        .resources("*"),
                // Virtual MFA devices may be given any name, so creation cannot be tied to the user name.
                PolicyStatement.allow(SID_CREATE_DEVICE)
                        .actions("iam:CreateVirtualMFADevice")
                        .resources(account.iam("mfa/*")),
                PolicyStatement.allow(SID_OWN_USER)
                        .actions("iam:EnableMFADevice", "iam:ResyncMFADevice", "iam:GetMFADevice",
                                "iam:ListMFADevices", "iam:GetUser", "iam:ChangePassword")
                        .resources(ownUser),
                PolicyStatement.allow(SID_DEACTIVATE)
                        .actions("iam:DeactivateMFADevice")
                        .resources(ownUser)
                        .condition("Bool", AccessPolicies.MFA_PRESENT, "true"),
                PolicyStatement.deny(SID_DENY)
                        .notActions(ALLOWED_WITHOUT_MFA)
                        .resources("*")
                        .condition("BoolIfExists", AccessPolicies.MFA_PRESENT, "false")));
    }
}
