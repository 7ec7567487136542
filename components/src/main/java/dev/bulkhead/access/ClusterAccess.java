package dev.bulkhead.access;

import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.naming.Names;

import javax.annotation.Nullable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the human roles into the cluster with EKS access entries (authentication mode API): the only way in,
 * with no aws-auth ConfigMap and no implicit creator admin.
 *
 * <ul>
 *   <li>admin: {@code AmazonEKSClusterAdminPolicy}, cluster scope, and the Kubernetes group
 *       {@link Names#platformAdminGroup()}, which no binding grants anything: admission recognises the platform's
 *       deployer by it;</li>
 *   <li>auditor: {@code AmazonEKSViewPolicy}, cluster scope;</li>
 *   <li>each project's developer role: no access policy, only the group {@link Names#developerGroup}, which the
 *       project's RoleBindings grant {@link DeveloperRole} in exactly the project's namespaces
 *       ({@link DeveloperScopes} says why not its gateway namespace). {@code AmazonEKSEditPolicy} is not used: it
 *       includes NetworkPolicies, so a developer could open their own namespace.</li>
 * </ul>
 * There are no other entries, and every entry is {@code STANDARD} with the default username (the assumed-role
 * session's ARN). EKS refuses groups starting with {@code system:}. The node role needs no entry from here: in the
 * API authentication modes EKS itself creates the {@code EC2_LINUX} access entry of a managed node group's role
 * when the node group is created, and that is the only non-human entry.
 */
public final class ClusterAccess extends ComponentResource {

    public static final String TYPE = "bulkhead:access:ClusterAccess";

    private final Map<String, List<String>> developerNamespaces;

    public ClusterAccess(String name, ClusterAccessArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.developerNamespaces = DeveloperScopes.of(args.projects());
        Set<String> unknown = new LinkedHashSet<>(args.developerRoleArns().keySet());
        unknown.removeAll(developerNamespaces.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("access: developer roles given for unknown projects " + unknown);
        }
        for (String project : developerNamespaces.keySet()) {
            if (!args.developerRoleArns().containsKey(project)) {
                throw new IllegalArgumentException("access: project " + project + " has no developer role");
            }
        }

        var admin = entry(name + "-admin", args.clusterName(), args.adminRoleArn(),
                List.of(Names.platformAdminGroup()));
        grant(name + "-admin", args.clusterName(), admin, AccessPolicies.EKS_CLUSTER_ADMIN, clusterScope());
        var auditor = entry(name + "-auditor", args.clusterName(), args.auditorRoleArn(), List.of());
        grant(name + "-auditor", args.clusterName(), auditor, AccessPolicies.EKS_VIEW, clusterScope());
        for (String project : developerNamespaces.keySet()) {
            entry(name + "-developer-" + project, args.clusterName(), args.developerRoleArns().get(project),
                    List.of(Names.developerGroup(project)));
        }
        registerOutputs(Map.of("developerNamespaces", Output.of(developerNamespaces)));
    }

    private AccessEntry entry(String logicalName, Output<String> clusterName, Output<String> principalArn,
                              List<String> groups) {
        return new AccessEntry(logicalName, AccessEntryArgs.builder()
                .clusterName(clusterName)
                .principalArn(principalArn)
                .type(AccessPolicies.ENTRY_STANDARD)
                .kubernetesGroups(groups)
                .build(), child());
    }

    private void grant(String logicalName, Output<String> clusterName, AccessEntry entry, String policyArn,
                       AccessPolicyAssociationAccessScopeArgs scope) {
        // principalArn read back from the entry so the association waits for the entry to exist
        new AccessPolicyAssociation(logicalName, AccessPolicyAssociationArgs.builder()
                .clusterName(clusterName)
                .principalArn(entry.principalArn())
                .policyArn(policyArn)
                .accessScope(scope)
                .build(), child());
    }

    private static AccessPolicyAssociationAccessScopeArgs clusterScope() {
        return AccessPolicyAssociationAccessScopeArgs.builder().type(AccessPolicies.SCOPE_CLUSTER).build();
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** Project name to the namespaces its developers' RoleBindings are in. */
    public Map<String, List<String>> developerNamespaces() {
        return developerNamespaces;
    }
}
