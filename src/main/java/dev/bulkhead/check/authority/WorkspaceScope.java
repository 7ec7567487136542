package dev.bulkhead.check.authority;

import java.util.List;

/**
 * Where one operator workspace may write, by RBAC, against where its project lives: a project's stack writes in its
 * project's tenant namespaces only, never cluster-wide, in another project's namespaces or in its gateway namespace
 * (which is the platform's). Reviews it must create to authenticate the operator (TokenReviews and
 * SubjectAccessReviews, which store nothing) are not writes.
 *
 * @param identity      the workspace
 * @param project       the project whose stack it runs, if its Stack names one
 * @param ownNamespaces the project's tenant namespaces
 * @param writesIn      every namespace where RBAC lets it create, change or delete something ({@value #CLUSTER} for
 *                      a cluster-wide grant), sorted
 * @param outside       those of {@code writesIn} that are not its project's, each with what grants it
 */
public record WorkspaceScope(Identity identity, String project, List<String> ownNamespaces, List<String> writesIn,
                             List<String> outside) {

    public static final String CLUSTER = "the whole cluster";

    public WorkspaceScope {
        ownNamespaces = List.copyOf(ownNamespaces);
        writesIn = List.copyOf(writesIn);
        outside = List.copyOf(outside);
    }

    /** The report's line. */
    public String summary() {
        if (!outside.isEmpty()) {
            return "WRITES OUTSIDE ITS PROJECT: " + String.join("; ", outside);
        }
        return writesIn.isEmpty() ? "writes nothing"
                : "writes only in project " + project + "'s namespaces (" + String.join(", ", writesIn) + ")";
    }
}
