package dev.bulkhead.config;

import dev.bulkhead.model.OperatorSpec;
import dev.bulkhead.model.ProjectStackSpec;
import dev.bulkhead.model.ProtectionSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.bulkhead.config.Fixtures.assertError;
import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.errors;
import static dev.bulkhead.config.Fixtures.list;
import static dev.bulkhead.config.Fixtures.map;
import static dev.bulkhead.config.Fixtures.parse;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of {@code bulkhead:projects[].stack}: each project's own stack, sharing nothing with another's. */
class ProjectStackRulesTest {

    private static final String OP = "bulkhead:operator";
    private static final String SHOP = "bulkhead:projects[0].stack";
    private static final String BILLING = "bulkhead:projects[1].stack";
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    /** The reference stack as a platform layer; the projects' stacks take every default. */
    private static Map<String, Object> platform() {
        Map<String, Object> config = reference();
        config.put("bulkhead:layer", "platform");
        config.put(OP, map("enabled", true,
                "repository", "https://github.com/acme/bulkhead.git",
                "stateBackend", "s3://acme-state/projects",
                "gitAuthSecret", "platform-repo-token",
                "gitCidrs", list("140.82.112.0/20"),
                "backendCidrs", list("52.92.0.0/17"),
                "dependencyCidrs", list("151.101.0.0/16")));
        return config;
    }

    private static ProjectStackSpec stack(Map<String, Object> config, String project) {
        return parse(config).operator().stack(project);
    }

    @Test
    void byDefaultEachProjectRunsThisProgramWithStateAndCredentialsOfItsOwn() {
        OperatorSpec operator = parse(platform()).operator();
        assertEquals(List.of("shop", "billing"), List.copyOf(operator.stacks().keySet()));
        ProjectStackSpec shop = operator.stack("shop");
        assertEquals("https://github.com/acme/bulkhead.git", shop.repository());
        assertEquals("main", shop.branch());
        assertEquals(Optional.empty(), shop.commit());
        assertFalse(shop.teamProgram());
        assertEquals("s3://acme-state/projects/shop", shop.stateBackend());
        assertEquals("s3://acme-state/projects/billing", operator.stack("billing").stateBackend());
        assertEquals("shop-stack-credentials", shop.credentialsSecret());
        assertEquals("billing-stack-credentials", operator.stack("billing").credentialsSecret());
        assertEquals(Optional.of("platform-repo-token"), shop.gitAuthSecret(), "the same repository, the same token");
        assertEquals(Optional.empty(), shop.secretsProvider());
        assertEquals(List.of("140.82.112.0/20"), shop.gitCidrs());
        assertEquals(List.of("52.92.0.0/17"), shop.backendCidrs());
        assertEquals(List.of(), shop.dependencyCidrs(), "Maven ranges only for a project that fetches them");
    }

    @Test
    void aTeamsOwnRepositoryAtAPinnedCommit() {
        Map<String, Object> config = set(platform(), SHOP, map(
                "repository", "https://github.com/acme/team-shop.git",
                "commit", COMMIT,
                "gitAuthSecret", "team-shop-token",
                "gitCidrs", list("140.82.112.0/20"),
                "backendCidrs", list("3.5.140.0/22"),
                "stateBackend", "s3://acme-shop-state",
                "secretsProvider", "awskms://alias/shop-state?region=eu-west-1",
                "credentialsSecret", "shop-backend",
                "fetchDependencies", true));
        ProjectStackSpec shop = stack(config, "shop");
        assertTrue(shop.teamProgram());
        assertEquals("https://github.com/acme/team-shop.git", shop.repository());
        assertEquals(Optional.of(COMMIT), shop.commit());
        assertEquals("", shop.branch(), "a pinned commit tracks no branch");
        assertEquals("", shop.path());
        assertEquals("s3://acme-shop-state", shop.stateBackend());
        assertEquals(Optional.of("awskms://alias/shop-state?region=eu-west-1"), shop.secretsProvider());
        assertEquals("shop-backend", shop.credentialsSecret());
        assertEquals(Optional.of("team-shop-token"), shop.gitAuthSecret());
        assertEquals(List.of("3.5.140.0/22"), shop.backendCidrs());
        assertEquals(List.of("151.101.0.0/16"), shop.dependencyCidrs());
        assertEquals(List.of(), stack(config, "billing").dependencyCidrs());
    }

    @Test
    void aDirectoryOfItsOwnIsATeamProgramAndAnotherRepositoryGetsNoPlatformToken() {
        assertTrue(stack(set(platform(), SHOP, map("path", "teams/shop")), "shop").teamProgram());
        ProjectStackSpec other = stack(set(platform(), SHOP, map("repository", "https://github.com/acme/shop.git")),
                "shop");
        assertEquals(Optional.empty(), other.gitAuthSecret(), "the platform's token is not handed to another repository");
        assertEquals("main", other.branch());
        // naming the operator's own repository (at its path) is still this program, on a branch of its own
        ProjectStackSpec same = stack(set(platform(), SHOP, map("repository", "https://github.com/acme/bulkhead.git",
                "branch", "canary")), "shop");
        assertFalse(same.teamProgram());
        assertEquals("canary", same.branch());
        assertEquals(Optional.of("platform-repo-token"), same.gitAuthSecret());
    }

    @Test
    void aCommitOrABranchNeverBoth() {
        assertOnlyError(set(platform(), SHOP, map("commit", COMMIT, "branch", "main")),
                "bulkhead:projects[0].stack.commit", "is set together with branch",
                "remove one of them");
        assertOnlyError(set(platform(), SHOP, map("commit", "abc123")), "bulkhead:projects[0].stack.commit",
                "\"abc123\" is not a full commit hash", "40 lowercase hexadecimal digits");
    }

    @Test
    void aSharedKmsKeyIsNoDefault() {
        List<ConfigError> errors = errors(set(platform(), OP + ".secretsProvider",
                "awskms://alias/projects?region=eu-west-1"));
        assertEquals(2, errors.size(), errors::toString);
        assertError(errors.get(0), "bulkhead:projects[0].stack.secretsProvider", "missing;",
                "a key shared by every project's stack lets each decrypt the others' secrets");
        assertError(errors.get(1), "bulkhead:projects[1].stack.secretsProvider", "missing;");
        // the passphrase is each project's own, in its own credentials Secret
        assertEquals(Optional.of("passphrase"), stack(set(platform(), OP + ".secretsProvider", "passphrase"), "billing")
                .secretsProvider());
    }

    @Test
    void noTwoProjectsShareASecretsKey() {
        Map<String, Object> config = set(platform(), SHOP, map("secretsProvider", "awskms://alias/k?region=eu-west-1"));
        set(config, BILLING, map("secretsProvider", "awskms://alias/k?region=eu-west-1&awssdk=v2"));
        assertOnlyError(config, "bulkhead:projects[1].stack.secretsProvider", "is also project \"shop\"'s secrets key");
        set(config, BILLING, map("secretsProvider", "awskms://alias/k?region=eu-central-1"));
        assertEquals(Optional.of("awskms://alias/k?region=eu-central-1"), stack(config, "billing").secretsProvider(),
                "the same alias in another region is another key");
    }

    @Test
    void noTwoProjectsShareACredentialsSecret() {
        Map<String, Object> config = set(platform(), BILLING, map("credentialsSecret", "shop-stack-credentials"));
        assertOnlyError(config, "bulkhead:projects[1].stack.credentialsSecret",
                "\"shop-stack-credentials\" is also project \"shop\"'s credentials Secret");
        assertOnlyError(set(platform(), SHOP, map("credentialsSecret", "Shop_Creds")),
                "bulkhead:projects[0].stack.credentialsSecret", "is not a DNS name");
    }

    @Test
    void noTwoProjectsShareOrNestAStateLocation() {
        // shop takes the operator's whole prefix, under which billing's default lies
        assertOnlyError(set(platform(), SHOP, map("stateBackend", "s3://acme-state/projects/")),
                "bulkhead:projects[1].stack.stateBackend",
                "\"s3://acme-state/projects/billing\" overlaps project \"shop\"'s state location",
                "default: bulkhead:operator.stateBackend/<project>");
        assertOnlyError(set(platform(), BILLING, map("stateBackend", "s3://acme-state/projects/shop")),
                "bulkhead:projects[1].stack.stateBackend", "is also project \"shop\"'s state location");
        // a prefix that merely starts with another's name is not inside it
        assertEquals("s3://acme-state/projects/shop-archive", stack(set(platform(), BILLING,
                map("stateBackend", "s3://acme-state/projects/shop-archive")), "billing").stateBackend());
        // Pulumi Cloud keeps stacks apart by name: one backend URL for every project is no shared location
        Map<String, Object> cloud = set(platform(), OP + ".stateBackend", "https://api.pulumi.com");
        assertEquals("https://api.pulumi.com", stack(cloud, "billing").stateBackend());
    }

    @Test
    void aGitTokenIsSharedOnlyBySameRepositoryProjects() {
        Map<String, Object> config = set(platform(), SHOP, map("repository", "https://github.com/acme/shop.git",
                "gitAuthSecret", "platform-repo-token"));
        assertOnlyError(config, "bulkhead:projects[1].stack.gitAuthSecret",
                "\"platform-repo-token\" is also project \"shop\"'s git token, for another repository");
    }

    @Test
    void fetchingDependenciesNeedsTheOperatorsRanges() {
        Map<String, Object> config = set(platform(), OP + ".dependencyCidrs", Fixtures.REMOVE);
        assertOnlyError(set(config, SHOP, map("fetchDependencies", true)),
                "bulkhead:projects[0].stack.fetchDependencies", "names no download ranges");
    }

    @Test
    void aProjectsOwnRangesStayAFewHosts() {
        assertOnlyError(set(platform(), SHOP, map("backendCidrs", list("52.0.0.0/8", "54.0.0.0/8"))),
                "bulkhead:projects[0].stack", "together cover", "not the internet");
        assertOnlyError(set(platform(), SHOP, map("gitCidrs", list("0.0.0.0/0"))),
                "bulkhead:projects[0].stack.gitCidrs[0]", "is the whole internet");
    }

    @Test
    void stackKeysAreCheckedAndNeedTheOperator() {
        assertOnlyError(set(platform(), SHOP, map("repositry", "https://github.com/acme/shop.git")),
                "bulkhead:projects[0].stack.repositry", "unknown key \"repositry\"", "did you mean \"repository\"");
        assertOnlyError(set(platform(), SHOP, map("repository", "http://github.com/acme/shop.git")),
                "bulkhead:projects[0].stack.repository", "is not an https URL");
        assertOnlyError(set(reference(), SHOP, map("branch", "main")), "bulkhead:projects[0].stack",
                "has no effect while bulkhead:operator.enabled is false");
    }

    @Test
    void projectLayersInheritNoProjectsStackSettings() throws ConfigException {
        Map<String, Object> config = set(platform(), SHOP, map("secretsProvider", "passphrase"));
        StackSettings settings = parse(config);
        assertFalse(settings.operator().stackConfig().get("bulkhead:projects").contains("stack"),
                settings.operator().stackConfig().get("bulkhead:projects"));
        StackSettings shop = ProjectStackSettings.of(settings, "shop");
        assertEquals("shop", shop.layer().project().orElseThrow());
    }

    @Test
    void aTeamsOwnProgramHasNoProjectLayerHere() {
        StackSettings settings = parse(set(platform(), SHOP, map("repository", "https://github.com/acme/shop.git",
                "path", "infra")));
        ConfigException e = assertThrows(ConfigException.class, () -> ProjectStackSettings.of(settings, "shop"));
        assertEquals("bulkhead:projects[shop].stack: project \"shop\" runs its team's own program "
                + "(https://github.com/acme/shop.git, directory infra), not this program's project layer; render that "
                + "program in its own repository", e.getMessage());
    }

    @Test
    void teamStacksKeepTheirNamespacesProtectedUntilRetired() {
        Map<String, Object> config = set(platform(), "bulkhead:protect", "false");
        ProtectionSpec open = parse(config).protection();
        assertFalse(open.protects("shop"), "the ALB follows bulkhead:protect");
        assertTrue(open.protectsNamespaces("shop"), "the team's workloads live in the namespaces");
        ProtectionSpec retired = parse(set(config, "bulkhead:retiredProjects", list("shop"))).protection();
        assertFalse(retired.protectsNamespaces("shop"));
        assertTrue(retired.protectsNamespaces("billing"));
        // one stack for everything: protection as before
        assertFalse(parse(set(reference(), "bulkhead:protect", "false")).protection().protectsNamespaces("shop"));
    }
}
