package dev.bulkhead.config;

import dev.bulkhead.model.OperatorSpec;
import dev.bulkhead.model.ProjectStackSpec;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads each project's {@code stack}: where the operator takes the project's stack from (this program's project
 * layer by default, or the team's own repository, branch or pinned commit, and directory), where that stack keeps its
 * state, its secrets provider and credentials, and the only networks its workspace may reach. Defaults come from
 * {@code bulkhead:operator} where they can be shared safely and are derived per project where they cannot (the state
 * prefix, the credentials Secret's name); a secrets key is never shared, so a shared {@code awskms} key is no default.
 * Then, across projects: no two share a state location, a secrets key or a credentials Secret, and a git token is
 * shared only by projects reading the same repository. Every error names the project and what would be valid.
 */
final class ProjectStackSection {

    static final String KEY = "stack";
    static final List<String> KEYS = List.of("repository", "branch", "commit", "path", "stateBackend",
            "secretsProvider", "credentialsSecret", "gitAuthSecret", "gitCidrs", "backendCidrs", "fetchDependencies");
    static final Pattern COMMIT = Pattern.compile("^[0-9a-f]{40}$");
    /** The name of a project's credentials Secret when config names none: its own, never another project's. */
    static final String CREDENTIALS_SUFFIX = "stack-credentials";

    /** A project's settings as read, with the nodes the rules across projects report at. */
    private record Read(String project, String path, ProjectStackSpec spec, Node backendNode, Node secretsNode,
                        Node credentialsNode, Node gitAuthNode) {
    }

    private ProjectStackSection() {
    }

    static Map<String, ProjectStackSpec> read(Checks checks, List<ProjectSection.Read> projects,
                                              OperatorSpec operator) {
        ConfigReader reader = checks.reader();
        Map<String, ProjectStackSpec> out = new LinkedHashMap<>();
        if (!operator.enabled()) {
            for (ProjectSection.Read project : projects) {
                if (project.stack() != null) {
                    reader.error(project.stack().path(), "has no effect while " + OperatorSection.KEY
                            + ".enabled is false: only the operator runs project stacks; remove it, or enable the "
                            + "operator in the platform layer");
                }
            }
            return out;
        }
        List<Read> reads = new ArrayList<>();
        for (ProjectSection.Read project : projects) {
            if (project.name() == null) {
                continue;
            }
            String path = project.path() + "." + KEY;
            Fields f = project.stack() == null ? Fields.absent(reader, path) : reader.fields(project.stack(), KEYS);
            Read read = read(checks, project.name(), path, f, operator);
            if (read != null) {
                reads.add(read);
                out.put(project.name(), read.spec());
            }
        }
        noneShared(reader, reads);
        return out;
    }

    private static Read read(Checks checks, String project, String path, Fields f, OperatorSpec operator) {
        ConfigReader reader = checks.reader();
        int before = reader.errorCount();
        Node repositoryNode = f.node("repository");
        String repository = repositoryNode == null ? operator.repository()
                : OperatorSection.repository(reader, repositoryNode);
        boolean platformRepository = operator.repository().equals(repository);
        Node pathNode = f.node("path");
        String dir = OperatorSection.matching(reader, pathNode, OperatorSection.REPO_PATH, "is not a directory inside "
                + "the repository; write a relative path without '..', e.g. teams/shop (empty: the repository root)",
                platformRepository ? operator.path() : "");
        // this program is the operator's repository at the operator's path; anything else is the team's own
        boolean teamProgram = !platformRepository || !dir.equals(operator.path());

        Node commitNode = f.node("commit");
        Node branchNode = f.node("branch");
        String commit = OperatorSection.matching(reader, commitNode, COMMIT, "is not a full commit hash; write the 40 "
                + "lowercase hexadecimal digits of the commit, e.g. " + "3f6c2a9e".repeat(5), null);
        if (commitNode != null && branchNode != null) {
            reader.error(commitNode.path(), "is set together with branch; the operator deploys "
                    + "either one pinned commit or the newest commit of a branch: remove one of them");
        }
        String branch = commitNode != null ? "" : OperatorSection.matching(reader, branchNode, OperatorSection.BRANCH,
                "is not a git branch name; use letters, digits, '.', '_', '-' and '/' without '..', e.g. main",
                operator.branch());

        Node backendNode = f.node("stateBackend");
        String backend = backendNode == null ? ownPrefix(operator.stateBackend(), project)
                : OperatorSection.backend(reader, backendNode);

        Node secretsNode = f.node("secretsProvider");
        String secrets = secretsNode != null ? OperatorSection.secretsProvider(reader, secretsNode)
                : operator.secretsProvider().orElse(null);
        if (secretsNode == null && secrets != null && secrets.startsWith("awskms://")) {
            reader.error(f.path("secretsProvider"), "missing; " + OperatorSection.KEY + ".secretsProvider "
                    + quote(secrets) + " is one KMS key, and a key shared by every project's stack lets each decrypt "
                    + "the others' secrets: name this project's own key, awskms://<key id or alias>?region=<region>, or "
                    + "passphrase (with PULUMI_CONFIG_PASSPHRASE in its own credentials Secret)");
            secrets = null;
        }

        Node credentialsNode = f.node("credentialsSecret");
        String credentials = credentialsNode == null ? Names.kubernetes(project, CREDENTIALS_SUFFIX)
                : OperatorSection.secretName(checks, credentialsNode);

        Node gitAuthNode = f.node("gitAuthSecret");
        String gitAuth = gitAuthNode != null ? OperatorSection.secretName(checks, gitAuthNode)
                : platformRepository ? operator.gitAuthSecret().orElse(null) : null;

        List<String> git = f.node("gitCidrs") == null ? operator.gitCidrs()
                : OperatorSection.cidrs(checks, f.list("gitCidrs", true, "IPv4 CIDRs of the project's git host (port "
                + "443)"));
        List<String> backendCidrs = f.node("backendCidrs") == null ? operator.backendCidrs()
                : OperatorSection.cidrs(checks, f.list("backendCidrs", true, "IPv4 CIDRs of the project's state "
                + "backend (port 443)"));
        boolean fetch = f.bool("fetchDependencies", false);
        if (fetch && operator.dependencyCidrs().isEmpty()) {
            reader.error(f.path("fetchDependencies"), "is true, but " + OperatorSection.KEY + ".dependencyCidrs "
                    + "names no download ranges; list Maven Central's and the plugin hosts' ranges there, or use a "
                    + "workspace image that holds the dependencies and set fetchDependencies: false");
        }
        List<String> dependencies = fetch ? operator.dependencyCidrs() : List.of();
        if (f.node("gitCidrs") != null || f.node("backendCidrs") != null) {
            // the operator's own ranges were checked with the operator
            OperatorSection.reach(reader, path, git, backendCidrs, dependencies);
        }
        if (reader.errorCount() > before || repository == null || backend == null || credentials == null
                || (commitNode != null && commit == null)) {
            return null;
        }
        ProjectStackSpec spec = new ProjectStackSpec(repository, branch, Optional.ofNullable(commit), dir,
                teamProgram, backend, Optional.ofNullable(secrets), credentials, Optional.ofNullable(gitAuth), git,
                backendCidrs, dependencies);
        return new Read(project, path, spec, backendNode, secretsNode, credentialsNode, gitAuthNode);
    }

    /**
     * The project's own state location under the operator's backend: {@code s3://bucket[/prefix]/<project>}. A
     * Pulumi Cloud backend keeps the stacks apart by name ({@code <stack>-<project>}) and is used as it is.
     */
    static String ownPrefix(String backend, String project) {
        String location = location(backend);
        if (location == null) {
            return backend;
        }
        int query = backend.indexOf('?');
        return location + "/" + project + (query < 0 ? "" : backend.substring(query));
    }

    /** No two projects share a state location, a secrets key or a credentials Secret; a git token one repository. */
    private static void noneShared(ConfigReader reader, List<Read> reads) {
        for (int j = 0; j < reads.size(); j++) {
            Read later = reads.get(j);
            for (int i = 0; i < j; i++) {
                Read earlier = reads.get(i);
                String location = location(later.spec().stateBackend());
                String other = location(earlier.spec().stateBackend());
                if (location != null && other != null && (inside(location, other) || inside(other, location))) {
                    reader.error(at(later, later.backendNode(), "stateBackend"), quote(later.spec().stateBackend())
                            + (location.equals(other) ? " is also" : " overlaps") + " project " + quote(earlier.project())
                            + "'s state location " + quote(earlier.spec().stateBackend()) + "; each project's stack "
                            + "keeps its state under a prefix no other project's lies in or contains, so that its "
                            + "credentials can be limited to it (default: " + OperatorSection.KEY
                            + ".stateBackend/<project>)");
                }
                String key = kmsKey(later.spec().secretsProvider());
                if (key != null && key.equals(kmsKey(earlier.spec().secretsProvider()))) {
                    reader.error(at(later, later.secretsNode(), "secretsProvider"), quote(later.spec().secretsProvider()
                            .orElseThrow()) + " is also project " + quote(earlier.project()) + "'s secrets key; each "
                            + "project's stack encrypts its secrets with a key of its own");
                }
                if (later.spec().credentialsSecret().equals(earlier.spec().credentialsSecret())) {
                    reader.error(at(later, later.credentialsNode(), "credentialsSecret"),
                            quote(later.spec().credentialsSecret()) + " is also project " + quote(earlier.project())
                                    + "'s credentials Secret; each project's workspace gets credentials for its own "
                                    + "state only (default <project>-" + CREDENTIALS_SUFFIX + ")");
                }
                if (later.spec().gitAuthSecret().isPresent()
                        && later.spec().gitAuthSecret().equals(earlier.spec().gitAuthSecret())
                        && !later.spec().repository().equals(earlier.spec().repository())) {
                    reader.error(at(later, later.gitAuthNode(), "gitAuthSecret"), quote(later.spec().gitAuthSecret()
                            .orElseThrow()) + " is also project " + quote(earlier.project()) + "'s git token, for "
                            + "another repository (" + earlier.spec().repository() + "); a token is shared only by "
                            + "projects reading the same repository: name one for " + later.spec().repository());
                }
            }
        }
    }

    /** Where an error about {@code key} goes: the value written, or the key it was defaulted for. */
    private static String at(Read read, Node node, String key) {
        return node != null ? node.path() : read.path() + "." + key;
    }

    /** {@code s3://bucket/prefix} without query and trailing slashes; null for a backend that names no location. */
    static String location(String backend) {
        if (!backend.startsWith("s3://")) {
            return null;
        }
        int query = backend.indexOf('?');
        String location = query < 0 ? backend : backend.substring(0, query);
        while (location.endsWith("/")) {
            location = location.substring(0, location.length() - 1);
        }
        return location;
    }

    /** Whether {@code location} is {@code container} or lies under it, segment by segment. */
    private static boolean inside(String location, String container) {
        return location.equals(container) || location.startsWith(container + "/");
    }

    /** An {@code awskms://} key as key id and region; null for the passphrase or the backend's own keys. */
    static String kmsKey(Optional<String> provider) {
        if (provider.isEmpty() || !provider.get().startsWith("awskms://")) {
            return null;
        }
        int q = provider.get().indexOf('?');
        String query = q < 0 ? "" : provider.get().substring(q + 1);
        String region = "";
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("region=")) {
                region = parameter.substring("region=".length());
            }
        }
        String key = provider.get().substring("awskms://".length(), q < 0 ? provider.get().length() : q);
        return key + "@" + region;
    }
}
