package dev.bulkhead.access;

import com.pulumi.aws.iam.Group;
import com.pulumi.aws.iam.GroupArgs;
import com.pulumi.aws.iam.GroupPolicyAttachment;
import com.pulumi.aws.iam.GroupPolicyAttachmentArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.model.AccessSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.naming.Names;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM side of human access: the platform admin role, the auditor role and one developer role per project,
 * each assumable only by the principals named in config and only with a fresh MFA session
 * ({@link TrustPolicies}), each capped by the human permissions boundary ({@link PermissionsBoundary}) and limited
 * to its configured maximum session length; plus the force-MFA policy and the group that carries it
 * ({@link ForceMfaPolicy}). {@link ClusterAccess} maps the roles into the cluster.
 *
 * <p>What each role may do in AWS: the admin has {@code AdministratorAccess}, because it runs {@code pulumi up}
 * for the whole platform, held in by the boundary; the auditor has {@code SecurityAudit} and
 * {@code ViewOnlyAccess} (configuration and metadata, no data); developers can only describe this cluster
 * ({@link ClusterConnectPolicy}). The auditor gets the same connect policy so it need not rely on what the AWS
 * managed policies happen to include.
 */
public final class Access extends ComponentResource {

    public static final String TYPE = "bulkhead:access:Access";

    private final Output<String> adminRoleArn;
    private final Output<String> auditorRoleArn;
    private final Map<String, Output<String>> developerRoleArns;
    private final Output<String> boundaryPolicyArn;
    private final Output<String> forceMfaPolicyArn;
    private final Output<String> forceMfaGroupName;

    public Access(String name, AccessArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        AccessSpec spec = args.spec();
        String stack = args.stack();
        AccessValidation.validate(spec, args.projects());
        // Built first so that a bad principal fails the constructor before any resource is registered.
        String adminTrust = trust(spec, spec.admins());
        String auditorTrust = trust(spec, spec.auditors());
        Map<String, String> developerTrust = new LinkedHashMap<>();
        for (ProjectSpec project : args.projects()) {
            developerTrust.put(project.name(), trust(spec, project.developers()));
        }

        String adminName = Names.iamRole(stack, "admin");
        String auditorName = Names.iamRole(stack, "auditor");
        Map<String, String> developerNames = new LinkedHashMap<>();
        for (String project : developerTrust.keySet()) {
            developerNames.put(project, Names.iamRole(stack, "dev-" + project));
        }
        List<String> humanRoles = new ArrayList<>(List.of(adminName, auditorName));
        humanRoles.addAll(developerNames.values());
        String boundaryName = Names.iamRole(stack, "human-boundary");
        String forceMfaName = Names.iamRole(stack, "force-mfa");
        String clusterName = Names.cluster(stack);

        Output<AwsAccount> account = AwsAccount.lookup(this);

        var boundary = new Policy(name + "-human-boundary", PolicyArgs.builder()
                .name(boundaryName)
                .description("Bulkhead " + stack + ": the most any human role may do; nothing without MFA")
                .policy(account.applyValue(a -> PermissionsBoundary.document(a, humanRoles,
                        List.of(boundaryName, forceMfaName), forceMfaName)))
                .build(), child());
        this.boundaryPolicyArn = boundary.arn();

        var forceMfa = new Policy(name + "-force-mfa", PolicyArgs.builder()
                .name(forceMfaName)
                .description("Bulkhead " + stack + ": IAM users can do nothing but set up MFA until they use it")
                .policy(account.applyValue(ForceMfaPolicy::document))
                .build(), child());
        var group = new Group(name + "-force-mfa", GroupArgs.builder()
                .name(forceMfaName)
                .build(), child());
        new GroupPolicyAttachment(name + "-force-mfa", GroupPolicyAttachmentArgs.builder()
                .group(group.name())
                .policyArn(forceMfa.arn())
                .build(), child());
        this.forceMfaPolicyArn = forceMfa.arn();
        this.forceMfaGroupName = group.name();

        Output<String> connect = account.applyValue(a -> ClusterConnectPolicy.document(a, clusterName));

        var admin = humanRole(name + "-admin", adminName, adminTrust, spec, boundary,
                "Bulkhead " + stack + " platform admin: runs pulumi up; cluster admin");
        attachAwsManaged(name + "-admin-administrator-access", admin, account, AccessPolicies.ADMINISTRATOR_ACCESS);
        this.adminRoleArn = admin.arn();

        var auditor = humanRole(name + "-auditor", auditorName, auditorTrust, spec, boundary,
                "Bulkhead " + stack + " auditor: reads configuration; views the cluster");
        attachAwsManaged(name + "-auditor-security-audit", auditor, account, AccessPolicies.SECURITY_AUDIT);
        attachAwsManaged(name + "-auditor-view-only", auditor, account, AccessPolicies.VIEW_ONLY_ACCESS);
        inlineConnect(name + "-auditor-" + ClusterConnectPolicy.NAME, auditor, connect);
        this.auditorRoleArn = auditor.arn();

        Map<String, Output<String>> developers = new LinkedHashMap<>();
        for (var project : developerTrust.entrySet()) {
            String logical = name + "-developer-" + project.getKey();
            var developer = humanRole(logical, developerNames.get(project.getKey()), project.getValue(), spec,
                    boundary, "Bulkhead " + stack + " developer of project " + project.getKey()
                            + ": edits its namespaces only");
            inlineConnect(logical + "-" + ClusterConnectPolicy.NAME, developer, connect);
            developers.put(project.getKey(), developer.arn());
        }
        this.developerRoleArns = Collections.unmodifiableMap(developers);

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("adminRoleArn", adminRoleArn);
        outputs.put("auditorRoleArn", auditorRoleArn);
        outputs.put("developerRoleArns", Output.all(List.copyOf(developers.values())));
        outputs.put("boundaryPolicyArn", boundaryPolicyArn);
        outputs.put("forceMfaPolicyArn", forceMfaPolicyArn);
        outputs.put("forceMfaGroupName", forceMfaGroupName);
        registerOutputs(outputs);
    }

    private static String trust(AccessSpec spec, List<String> principals) {
        return TrustPolicies.mfaAssumeRole(principals, spec.mfaMaxAgeSeconds(), spec.allowAccountRoot());
    }

    private Role humanRole(String logicalName, String roleName, String trustPolicy, AccessSpec spec,
                           Policy boundary, String description) {
        return new Role(logicalName, RoleArgs.builder()
                .name(roleName)
                .description(description)
                .assumeRolePolicy(trustPolicy)
                .maxSessionDuration(spec.maxSessionSeconds())
                .permissionsBoundary(boundary.arn())
                .build(), child());
    }

    private void attachAwsManaged(String logicalName, Role role, Output<AwsAccount> account, String policy) {
        new RolePolicyAttachment(logicalName, RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(account.applyValue(a -> AccessPolicies.awsManaged(a.partition(), policy)))
                .build(), child());
    }

    private void inlineConnect(String logicalName, Role role, Output<String> document) {
        new RolePolicy(logicalName, RolePolicyArgs.builder()
                .name(ClusterConnectPolicy.NAME)
                .role(role.name())
                .policy(document)
                .build(), child());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** The platform admin role: runs {@code pulumi up}, and the in-cluster provider authenticates as it. */
    public Output<String> adminRoleArn() {
        return adminRoleArn;
    }

    /** The read-only auditor role. */
    public Output<String> auditorRoleArn() {
        return auditorRoleArn;
    }

    /** Developer role ARN per project name, in the order the projects were given. */
    public Map<String, Output<String>> developerRoleArns() {
        return developerRoleArns;
    }

    /** The permissions boundary on every human role. */
    public Output<String> boundaryPolicyArn() {
        return boundaryPolicyArn;
    }

    /** The force-MFA policy, attached to {@link #forceMfaGroupName()}. */
    public Output<String> forceMfaPolicyArn() {
        return forceMfaPolicyArn;
    }

    /** The IAM group every IAM user who uses the platform should be a member of. */
    public Output<String> forceMfaGroupName() {
        return forceMfaGroupName;
    }
}
