package dev.bulkhead.access;

import java.util.List;

/**
 * The permissions boundary on every role a person assumes: the most such a role can ever do, whatever is
 * attached to it later.
 *
 * <p>The boundary allows every action and then takes away what no human role of this platform may do. Least
 * privilege lives in each role's own policies (the developer role can only describe the cluster; the auditor only
 * reads); the boundary is the ceiling that holds if those are ever widened by mistake. An allow-list of services
 * here would have to track every service the platform ever deploys, and would break {@code pulumi up} silently
 * the day one is added. What the ceiling denies:
 * <ul>
 *   <li>anything at all without MFA ({@code BoolIfExists}: a session that carries no MFA flag is refused too);</li>
 *   <li>long-lived credentials and identity changes: creating users, access keys, console passwords, signing
 *       keys; attaching policies to users or adding them to groups; removing anyone's MFA device;</li>
 *   <li>changing this boundary or the force-MFA policy (new versions, default version, deletion);</li>
 *   <li>changing the human roles themselves: their trust policies, boundary, attached and inline policies,
 *       session length, or deleting them;</li>
 *   <li>weakening the force-MFA group (detaching its policy, adding policies, removing members, deleting it).</li>
 * </ul>
 * A consequence: the access layer itself is changed with the account's bootstrap identity, not with the admin
 * role; otherwise the admin could lift its own ceiling. An admin can still create service roles (the platform
 * needs them); that residual path is accepted and documented in {@code docs/access.md}.
 */
public final class PermissionsBoundary {

    public static final String SID_CEILING = "CeilingForHumanRoles";
    public static final String SID_NO_MFA = "DenyEverythingWithoutMfa";
    public static final String SID_CREDENTIALS = "DenyLongLivedCredentialsAndIdentityChanges";
    public static final String SID_POLICIES = "DenyChangingAccessPolicies";
    public static final String SID_ROLES = "DenyChangingHumanRoles";
    public static final String SID_GROUP = "DenyWeakeningForceMfaGroup";

    /** Actions that mint long-lived credentials or change what an IAM user may do, on any resource. */
    static final List<String> CREDENTIAL_ACTIONS = List.of(
            "iam:CreateUser",
            "iam:CreateAccessKey",
            "iam:UpdateAccessKey",
            "iam:CreateLoginProfile",
            "iam:UpdateLoginProfile",
            "iam:CreateServiceSpecificCredential",
            "iam:UploadSSHPublicKey",
            "iam:UploadSigningCertificate",
            "iam:AttachUserPolicy",
            "iam:PutUserPolicy",
            "iam:AddUserToGroup",
            "iam:PutUserPermissionsBoundary",
            "iam:DeleteUserPermissionsBoundary",
            "iam:DeactivateMFADevice",
            "iam:DeleteVirtualMFADevice");

    /** Actions that would rewrite a managed policy in place. */
    static final List<String> POLICY_ACTIONS = List.of(
            "iam:CreatePolicyVersion",
            "iam:SetDefaultPolicyVersion",
            "iam:DeletePolicyVersion",
            "iam:DeletePolicy");

    /** Actions that would change who may assume a human role or what it may do. */
    static final List<String> ROLE_ACTIONS = List.of(
            "iam:UpdateAssumeRolePolicy",
            "iam:PutRolePermissionsBoundary",
            "iam:DeleteRolePermissionsBoundary",
            "iam:AttachRolePolicy",
            "iam:DetachRolePolicy",
            "iam:PutRolePolicy",
            "iam:DeleteRolePolicy",
            "iam:UpdateRole",
            "iam:DeleteRole");

    /** Actions that would weaken the force-MFA group. */
    static final List<String> GROUP_ACTIONS = List.of(
            "iam:DetachGroupPolicy",
            "iam:AttachGroupPolicy",
            "iam:PutGroupPolicy",
            "iam:DeleteGroupPolicy",
            "iam:RemoveUserFromGroup",
            "iam:DeleteGroup");

    private PermissionsBoundary() {
    }

    /**
     * The boundary document.
     *
     * @param account        partition and account of the stack
     * @param humanRoleNames names of every human role (admin, auditor, each developer role)
     * @param policyNames    names of the managed policies that must not be rewritten (this boundary, force-MFA)
     * @param forceMfaGroup  name of the force-MFA group
     */
    static String document(AwsAccount account, List<String> humanRoleNames, List<String> policyNames,
                           String forceMfaGroup) {
        return PolicyStatement.document(List.of(
                PolicyStatement.allow(SID_CEILING).actions("*").resources("*"),
                PolicyStatement.deny(SID_NO_MFA).actions("*").resources("*")
                        .condition("BoolIfExists", AccessPolicies.MFA_PRESENT, "false"),
                PolicyStatement.deny(SID_CREDENTIALS).actions(CREDENTIAL_ACTIONS.toArray(String[]::new))
                        .resources("*"),
                PolicyStatement.deny(SID_POLICIES).actions(POLICY_ACTIONS.toArray(String[]::new))
                        .resources(policyNames.stream().map(n -> account.iam("policy/" + n)).toList()),
                PolicyStatement.deny(SID_ROLES).actions(ROLE_ACTIONS.toArray(String[]::new))
                        // sorted: the boundary is shared by every role, and reordering projects must not rewrite it
                        .resources(humanRoleNames.stream().map(n -> account.iam("role/" + n)).sorted().toList()),
                PolicyStatement.deny(SID_GROUP).actions(GROUP_ACTIONS.toArray(String[]::new))
                        .resources(account.iam("group/" + forceMfaGroup))));
    }
}
