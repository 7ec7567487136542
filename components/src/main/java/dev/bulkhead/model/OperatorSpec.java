package dev.bulkhead.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Pulumi Kubernetes Operator and the project stacks it reconciles from git. The values below {@code organization}
 * are the defaults every project's own stack settings ({@link #stacks()}) start from.
 *
 * @param enabled            install the operator and one Stack per project (the platform layer)
 * @param repository         https URL of the git repository holding this program
 * @param branch             the branch the Stacks of this program track
 * @param path               the directory of {@code Pulumi.yaml} inside the repository; empty for its root
 * @param organization       the Pulumi Cloud organization prefixed to stack names, if the backend needs one
 * @param stateBackend       where project stacks keep their state ({@code s3://bucket/prefix}, each project under a
 *                           prefix of its own, or {@code https://api.pulumi.com})
 * @param secretsProvider    the secrets provider of new project stacks ({@code awskms://...}), if not the backend's
 * @param gitAuthSecret      a Secret in the operator namespace with key {@code accessToken}, for a private repository
 * @param gitCidrs           address blocks of the git host (port 443)
 * @param backendCidrs       address blocks of the state backend (port 443)
 * @param dependencyCidrs    address blocks of Maven and plugin downloads (port 443), for the projects whose
 *                           workspace image lacks them
 * @param workspaceImage     the workspace image (Pulumi CLI with Java and Maven); the operator's default when empty
 * @param stackConfig        the config every project stack of this program's project layer inherits from the
 *                           platform stack, each value as the engine hands it over (structured values as JSON)
 * @param stacks             each project's own stack settings, by project name in config order, defaults resolved
 */
public record OperatorSpec(
        boolean enabled,
        String repository,
        String branch,
        String path,
        Optional<String> organization,
        String stateBackend,
        Optional<String> secretsProvider,
        Optional<String> gitAuthSecret,
        List<String> gitCidrs,
        List<String> backendCidrs,
        List<String> dependencyCidrs,
        Optional<String> workspaceImage,
        Map<String, String> stackConfig,
        Map<String, ProjectStackSpec> stacks) {

    public OperatorSpec {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(stateBackend, "stateBackend");
        gitCidrs = List.copyOf(gitCidrs);
        backendCidrs = List.copyOf(backendCidrs);
        dependencyCidrs = List.copyOf(dependencyCidrs);
        stackConfig = Collections.unmodifiableMap(new TreeMap<>(stackConfig));
        stacks = Collections.unmodifiableMap(new LinkedHashMap<>(stacks));
    }

    /** These settings with each project's stack settings. */
    public OperatorSpec withStacks(Map<String, ProjectStackSpec> projectStacks) {
        return new OperatorSpec(enabled, repository, branch, path, organization, stateBackend, secretsProvider,
                gitAuthSecret, gitCidrs, backendCidrs, dependencyCidrs, workspaceImage, stackConfig,
                projectStacks);
    }

    /** The stack settings of {@code project}; fails for a project the operator runs no stack for. */
    public ProjectStackSpec stack(String project) {
        ProjectStackSpec spec = stacks.get(project);
        if (spec == null) {
            throw new IllegalArgumentException("no stack settings for project " + project + "; have " + stacks.keySet());
        }
        return spec;
    }

    /** No operator, no project stacks: the default. */
    public static OperatorSpec disabled() {
        return new OperatorSpec(false, "", "", "", Optional.empty(), "", Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Map.of(), Map.of());
    }
}
