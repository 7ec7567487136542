package dev.bulkhead.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one project's stack comes from and where it keeps its state, as the operator runs it: the program (this
 * program's project layer, or the team's own), its own state location, secrets key and credentials, and the only
 * networks its workspace may reach. Every value is resolved: defaults filled in from {@link OperatorSpec}, and no
 * state location, secrets key or credentials Secret shared with another project.
 *
 * @param repository        https URL of the git repository holding the program
 * @param branch            the branch the Stack tracks; empty when {@code commit} pins one commit
 * @param commit            the one commit the Stack deploys (40 hexadecimal digits), if pinned
 * @param path              the directory of {@code Pulumi.yaml} inside the repository; empty for its root
 * @param teamProgram       whether the program is the team's own (another repository, or another directory of the
 *                          operator's), rather than this program's project layer
 * @param stateBackend      where the project's stack keeps its state, its own ({@code s3://bucket/prefix}, or a
 *                          Pulumi Cloud URL where the stack name keeps stacks apart)
 * @param secretsProvider   the stack's secrets provider, if not the backend's: its own {@code awskms://} key, or
 *                          {@code passphrase} (the passphrase in its own credentials Secret)
 * @param credentialsSecret the Secret in the operator namespace whose keys become the workspace's environment
 * @param gitAuthSecret     the Secret with key {@code accessToken} for a private repository, if any
 * @param gitCidrs          the git host's address blocks (port 443)
 * @param backendCidrs      the state backend's address blocks (port 443)
 * @param dependencyCidrs   Maven and plugin download blocks (port 443); empty unless the project fetches them
 */
public record ProjectStackSpec(
        String repository,
        String branch,
        Optional<String> commit,
        String path,
        boolean teamProgram,
        String stateBackend,
        Optional<String> secretsProvider,
        String credentialsSecret,
        Optional<String> gitAuthSecret,
        List<String> gitCidrs,
        List<String> backendCidrs,
        List<String> dependencyCidrs) {

    public ProjectStackSpec {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(stateBackend, "stateBackend");
        Objects.requireNonNull(secretsProvider, "secretsProvider");
        Objects.requireNonNull(credentialsSecret, "credentialsSecret");
        Objects.requireNonNull(gitAuthSecret, "gitAuthSecret");
        gitCidrs = List.copyOf(gitCidrs);
        backendCidrs = List.copyOf(backendCidrs);
        dependencyCidrs = List.copyOf(dependencyCidrs);
        if (commit.isPresent() == !branch.isEmpty()) {
            throw new IllegalArgumentException("a project stack tracks a branch or deploys one commit, exactly one");
        }
    }
}
