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
 *   <li>admin: {@code AmazonEKSClusterAdminPolicy}, cluster scope;</li>
 *   <li>auditor: {@code AmazonEKSViewPolicy}, cluster scope;</li>
 *   <li>each project's developer role: {@code AmazonEKSEditPolicy}, scoped to exactly that project's namespaces
 *       ({@link DeveloperScopes} says why not its gateway namespace).</li>
 * </ul>
 * There are no other entries. Every entry is {@code STANDARD} with no Kubernetes groups, so a principal's rights
 * come only from its associated access policy and no RBAC binding can widen them by group name. The node role
 * needs no entry from here: in the API authentication modes EKS itself creates the {@code EC2_LINUX} access entry
 * of a managed node group's role when the node group is created, and that is the only non-human entry.
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

        grant(name + "-admin", args.clusterName(), args.adminRoleArn(), AccessPolicies.EKS_CLUSTER_ADMIN,
                clusterScope());
        grant(name + "-auditor", args.clusterName(), args.auditorRoleArn(), AccessPolicies.EKS_VIEW,
                clusterScope());
        for (var project : developerNamespaces.entrySet()) {
            grant(name + "-developer-" + project.getKey(), args.clusterName(),
                    args.developerRoleArns().get(project.getKey()), AccessPolicies.EKS_EDIT,
                    AccessPolicyAssociationAccessScopeArgs.builder()
                            .type(AccessPolicies.SCOPE_NAMESPACE)
                            .namespaces(project.getValue())
                            .build());
        }
        registerOutputs(Map.of("developerNamespaces", Output.of(developerNamespaces)));
    }

    private void grant(String logicalName, Output<String> clusterName, Output<String> principalArn,
                       String policyArn, AccessPolicyAssociationAccessScopeArgs scope) {
        var entry = new AccessEntry(logicalName, AccessEntryArgs.builder()
                .clusterName(clusterName)
                .principalArn(principalArn)
                .type(AccessPolicies.ENTRY_STANDARD)
                .kubernetesGroups(List.of())
                .build(), child());
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

    /** Project name to the namespaces its developer role may edit. */
    public Map<String, List<String>> developerNamespaces() {
        return developerNamespaces;
    }
}
