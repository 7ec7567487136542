package dev.bulkhead.workload;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.cluster.ServiceTrust;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.AwsAccessSpec;
import dev.bulkhead.naming.AwsTags;
import dev.bulkhead.naming.Names;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The AWS side of an app: an IAM role that EKS Pod Identity hands to the app's ServiceAccount and to nothing else
 * (the trust pins the account, the cluster, the namespace and the ServiceAccount through Pod Identity's session tags),
 * with the managed policies and statements the app was given, and the association. No credential exists in the
 * cluster. Kept apart from {@link App} because project stacks run inside the cluster without AWS access: the
 * platform stack owns app roles.
 */
public final class AppIdentity extends ComponentResource {

    public static final String TYPE = "bulkhead:workload:AppIdentity";
    public static final String PROJECT_TAG = "bulkhead:project";
    public static final String APP_TAG = "bulkhead:app";

    private final Role role;
    private final List<RolePolicyAttachment> attachments;
    private final Optional<RolePolicy> inlinePolicy;
    private final PodIdentityAssociation association;

    public AppIdentity(String name, AppIdentityArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        AppSpec app = args.app();
        AwsAccessSpec aws = app.aws().orElseThrow();
        String roleName = Names.appRole(args.stack(), args.project(), app.name());
        Map<String, String> tags = AwsTags.of(args.stack(), roleName,
                new TreeMap<>(Map.of(PROJECT_TAG, args.project(), APP_TAG, app.name())));
        var child = CustomResourceOptions.builder().parent(this).build();
        Output<String> account = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(),
                InvokeOptions.builder().parent(this).build()).applyValue(r -> r.accountId());
        this.role = new Role(name + "-role", RoleArgs.builder()
                .name(roleName)
                .description("Pod Identity role of app " + app.name() + " in " + app.namespace())
                .assumeRolePolicy(Output.tuple(account, args.clusterName()).applyValue(t ->
                        ServiceTrust.forPodIdentity(t.t2, app.namespace(), app.name(), t.t1)))
                .tags(tags)
                .build(), child);
        List<RolePolicyAttachment> created = new ArrayList<>();
        for (int i = 0; i < aws.policyArns().size(); i++) {
            created.add(new RolePolicyAttachment(name + "-policy-" + i, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(aws.policyArns().get(i))
                    .build(), child));
        }
        this.attachments = List.copyOf(created);
        this.inlinePolicy = aws.statements().isEmpty() ? Optional.empty()
                : Optional.of(new RolePolicy(name + "-statements", RolePolicyArgs.builder()
                        .role(role.name())
                        .name("app-" + app.name())
                        .policy(AppPermissions.document(aws.statements()))
                        .build(), child));
        this.association = new PodIdentityAssociation(name + "-association", PodIdentityAssociationArgs.builder()
                .clusterName(args.clusterName())
                .namespace(app.namespace())
                .serviceAccount(app.name())
                .roleArn(role.arn())
                .tags(tags)
                .build(), child);
        registerOutputs(Map.of("roleArn", role.arn()));
    }

    public Role role() {
        return role;
    }

    public Output<String> roleArn() {
        return role.arn();
    }

    public List<RolePolicyAttachment> attachments() {
        return attachments;
    }

    public Optional<RolePolicy> inlinePolicy() {
        return inlinePolicy;
    }

    public PodIdentityAssociation association() {
        return association;
    }
}
