package dev.bulkhead.access;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.naming.Names;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IAM roles people assume: platform admin, auditor, and one developer role per project. Every trust policy
 * requires MFA; the roles are mapped into the cluster by {@link ClusterAccess}.
 */
public final class Access extends ComponentResource {

    public static final String TYPE = "bulkhead:access:Access";

    private final Output<String> adminRoleArn;
    private final Output<String> auditorRoleArn;
    private final Map<String, Output<String>> developerRoleArns;

    public Access(String name, AccessArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var admin = role(name + "-admin", Names.iamRole(args.stack(), "admin"), MfaTrust.policy(args.spec().admins(), args.spec().mfaMaxAgeSeconds()), args.spec().maxSessionSeconds());
        var auditor = role(name + "-auditor", Names.iamRole(args.stack(), "auditor"), MfaTrust.policy(args.spec().auditors(), args.spec().mfaMaxAgeSeconds()), args.spec().maxSessionSeconds());
        this.adminRoleArn = admin.arn();
        this.auditorRoleArn = auditor.arn();
        Map<String, Output<String>> developers = new LinkedHashMap<>();
        for (ProjectSpec project : args.projects()) {
            var dev = role(name + "-developer-" + project.name(), Names.iamRole(args.stack(), "dev-" + project.name()),
                    MfaTrust.policy(project.developers(), args.spec().mfaMaxAgeSeconds()), args.spec().maxSessionSeconds());
            developers.put(project.name(), dev.arn());
        }
        this.developerRoleArns = Map.copyOf(developers);
        registerOutputs(Map.of("adminRoleArn", adminRoleArn, "auditorRoleArn", auditorRoleArn));
    }

    private Role role(String logicalName, String roleName, String trustPolicy, int maxSessionSeconds) {
        return new Role(logicalName, RoleArgs.builder()
                .name(roleName)
                .assumeRolePolicy(trustPolicy)
                .maxSessionDuration(maxSessionSeconds)
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    public Output<String> adminRoleArn() {
        return adminRoleArn;
    }

    public Output<String> auditorRoleArn() {
        return auditorRoleArn;
    }

    /** Developer role ARN per project name. */
    public Map<String, Output<String>> developerRoleArns() {
        return developerRoleArns;
    }
}
