package dev.bulkhead.check.authority;

import java.util.List;
import java.util.Objects;

/**
 * Someone who can send requests to the API server, as RBAC and admission see them: a user name and groups. A
 * project namespace's pods are one identity standing for every ServiceAccount of that namespace
 * ({@link #serviceAccountsOf()}), since any pod there may run as any of them.
 *
 * @param kind              what the identity is
 * @param name              how findings and the report name it
 * @param username          the user name its requests carry
 * @param groups            the groups its requests carry
 * @param serviceAccountsOf for a namespace's pods, that namespace; otherwise null
 * @param principalArn      for an EKS access entry, its IAM principal; otherwise null
 */
public record Identity(Kind kind, String name, String username, List<String> groups, String serviceAccountsOf,
                       String principalArn) {

    /** What an identity is. */
    public enum Kind {
        /** The access entry of the role the Kubernetes provider assumes: Pulumi itself. */
        DEPLOYER,
        /** Any other EKS access entry: developers, the auditor. */
        ACCESS_ENTRY,
        /** The ServiceAccount an operator Stack runs its workspace as. */
        WORKSPACE,
        /** Every ServiceAccount of one project namespace. */
        PODS
    }

    public static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

    public Identity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(username, "username");
        groups = List.copyOf(groups);
    }

    /** The groups Kubernetes gives every request of a ServiceAccount. */
    static List<String> serviceAccountGroups(String namespace) {
        return List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated");
    }
}
