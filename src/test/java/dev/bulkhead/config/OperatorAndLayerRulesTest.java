package dev.bulkhead.config;

import dev.bulkhead.model.Layer;
import dev.bulkhead.model.OperatorSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.bulkhead.config.Fixtures.REMOVE;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of {@code bulkhead:operator}, {@code bulkhead:layer} and {@code bulkhead:project}. */
class OperatorAndLayerRulesTest {

    private static final String OP = "bulkhead:operator";

    /** The reference stack as a platform layer with a complete operator section. */
    private static Map<String, Object> platform() {
        Map<String, Object> config = reference();
        config.put("bulkhead:layer", "platform");
        config.put(OP, map("enabled", true,
                "repository", "https://github.com/acme/bulkhead.git",
                "stateBackend", "s3://acme-state/projects",
                "gitCidrs", list("140.82.112.0/20"),
                "backendCidrs", list("52.92.0.0/17")));
        return config;
    }

    @Test
    void byDefaultOneStackManagesEverythingWithoutTheOperator() {
        var settings = parse(reference());
        assertEquals(Layer.ALL, settings.layer().layer());
        assertEquals(Optional.empty(), settings.layer().project());
        assertFalse(settings.operator().enabled());
    }

    @Test
    void aPlatformLayerWithTheOperator() {
        OperatorSpec op = parse(platform()).operator();
        assertTrue(op.enabled());
        assertEquals("main", op.branch());
        assertEquals("", op.path());
        assertEquals(List.of("140.82.112.0/20"), op.gitCidrs());
        assertEquals(List.of(), op.dependencyCidrs());
        assertEquals(Optional.empty(), op.workspaceImage());
    }

    @Test
    void projectStacksInheritThePlatformConfigButNotTheLayerOrTheOperator() {
        Map<String, String> inherited = parse(platform()).operator().stackConfig();
        assertEquals("eu-west-1", inherited.get("aws:region"));
        assertTrue(inherited.get("bulkhead:projects").startsWith("[{"), inherited::toString);
        assertFalse(inherited.containsKey(OP));
        assertFalse(inherited.containsKey("bulkhead:layer"));
    }

    @Test
    void theInheritedConfigReadsBackAsTheSameProjectsInTheProjectLayer() throws ConfigException {
        var platform = parse(platform());
        Map<String, String> flat = new java.util.LinkedHashMap<>(platform.operator().stackConfig());
        flat.put("bulkhead:layer", "project");
        flat.put("bulkhead:project", "shop");
        var project = SettingsParser.fromEngineConfig("test-shop", flat);
        assertEquals(Layer.PROJECT, project.layer().layer());
        assertEquals(Optional.of("shop"), project.layer().project());
        assertEquals(platform.projects(), project.projects());
        assertEquals(platform.platform(), project.platform());
        assertFalse(project.operator().enabled());
    }

    @Test
    void secretsCannotBeInherited() {
        List<ConfigError> errors = errors(set(platform(), "aws:secretKey", map("secure", "AAABAx")));
        assertEquals(1, errors.size(), errors::toString);
        assertError(errors.get(0), "aws:secretKey", "is a Pulumi secret", "cannot inherit");
    }

    @Test
    void theRepositoryIsAPlainHttpsUrl() {
        assertOnlyError(set(platform(), OP + ".repository", "git@github.com:acme/bulkhead.git"), OP + ".repository",
                "\"git@github.com:acme/bulkhead.git\" is not a URL", "e.g. https://github.com/acme/platform.git");
        assertOnlyError(set(platform(), OP + ".repository", "http://github.com/acme/bulkhead.git"), OP + ".repository",
                "is not an https URL (the workspaces may reach the git host on 443 only)");
        assertOnlyError(set(platform(), OP + ".repository", "https://bot:token@github.com/acme/bulkhead.git"),
                OP + ".repository", "carries credentials", "gitAuthSecret");
        assertOnlyError(set(platform(), OP + ".repository", REMOVE), OP + ".repository", "missing required key",
                "https URL");
    }

    @Test
    void branchAndPath() {
        assertOnlyError(set(platform(), OP + ".branch", "main..evil"), OP + ".branch",
                "\"main..evil\" is not a git branch name");
        assertOnlyError(set(platform(), OP + ".path", "../elsewhere"), OP + ".path",
                "\"../elsewhere\" is not a directory inside the repository");
        assertEquals("infra/bulkhead", parse(set(platform(), OP + ".path", "infra/bulkhead")).operator().path());
    }

    @Test
    void theStateBackendOutlivesTheWorkspace() {
        assertOnlyError(set(platform(), OP + ".stateBackend", "file:///state"), OP + ".stateBackend",
                "\"file:///state\" is not a state backend", "s3://<bucket>", "workspace pod");
        assertOnlyError(set(platform(), OP + ".stateBackend", "s3://Bad_Bucket"), OP + ".stateBackend",
                "does not name an S3 bucket");
        assertEquals("https://api.pulumi.com",
                parse(set(platform(), OP + ".stateBackend", "https://api.pulumi.com")).operator().stateBackend());
    }

    @Test
    void egressIsNamedNetworksNeverTheInternet() {
        assertOnlyError(set(platform(), OP + ".gitCidrs", list()), OP + ".gitCidrs", "must not be empty");
        assertOnlyError(set(platform(), OP + ".backendCidrs", REMOVE), OP + ".backendCidrs", "missing required key");
        assertOnlyError(set(platform(), OP + ".gitCidrs[0]", "0.0.0.0/0"), OP + ".gitCidrs[0]",
                "\"0.0.0.0/0\" is the whole internet");
        assertOnlyError(set(platform(), OP + ".dependencyCidrs", list("151.101.0.1/16")), OP + ".dependencyCidrs[0]",
                "not a network address");
    }

    @Test
    void theWorkspaceImageIsPinned() {
        assertOnlyError(set(platform(), OP + ".workspaceImage", "pulumi/pulumi:latest-nonroot"),
                OP + ".workspaceImage", "\"pulumi/pulumi:latest-nonroot\" is not a pinned image");
        assertEquals(Optional.of("pulumi/pulumi:3.150.0-nonroot"), parse(set(platform(), OP + ".workspaceImage",
                "pulumi/pulumi:3.150.0-nonroot")).operator().workspaceImage());
        assertOnlyError(set(platform(), OP + ".workspaceImage", "pulumi/pulumi:latest"), OP + ".workspaceImage",
                "is not a pinned image");
        assertOnlyError(set(platform(), OP + ".workspaceImage", "pulumi/pulumi"), OP + ".workspaceImage",
                "is not a pinned image");
    }

    @Test
    void secretNames() {
        assertOnlyError(set(platform(), OP + ".credentialsSecret", "backend-creds"), OP + ".credentialsSecret",
                "\"backend-creds\" would be one credentials Secret for every project's stack, letting each project's "
                        + "workspace read and rewrite the others' state", "bulkhead:projects[].stack.credentialsSecret");
        assertOnlyError(set(platform(), OP + ".gitAuthSecret", "Git_Token"), OP + ".gitAuthSecret",
                "is not a DNS name");
        assertOnlyError(set(platform(), OP + ".secretsProvider", "gcpkms://x"), OP + ".secretsProvider",
                "awskms://");
    }

    @Test
    void keysWithoutEffectWhileDisabledAreErrors() {
        Map<String, Object> config = reference();
        config.put(OP, map("repository", "https://github.com/acme/bulkhead.git"));
        assertOnlyError(config, OP + ".repository", "has no effect while bulkhead:operator.enabled is false");
    }

    @Test
    void thePlatformLayerNeedsTheOperatorAndOnlyItRunsIt() {
        assertOnlyError(set(reference(), "bulkhead:layer", "platform"), OP + ".enabled",
                "the platform layer leaves every project to its own stack", "bulkhead:layer: all");
        assertOnlyError(set(platform(), "bulkhead:layer", REMOVE), OP + ".enabled",
                "the operator runs only in the platform layer", "a second time");
    }

    @Test
    void theProjectLayerNamesOneConfiguredProject() {
        assertOnlyError(set(reference(), "bulkhead:layer", "project"), "bulkhead:project",
                "missing; the project layer manages one project: name one of [shop, billing]");
        var settings = set(reference(), "bulkhead:layer", "project");
        assertOnlyError(set(settings, "bulkhead:project", "shopp"), "bulkhead:project",
                "\"shopp\" is not a configured project", "did you mean \"shop\"");
        assertEquals(Optional.of("billing"),
                parse(set(set(reference(), "bulkhead:layer", "project"), "bulkhead:project", "billing"))
                        .layer().project());
    }

    @Test
    void otherLayersNameNoProject() {
        assertOnlyError(set(reference(), "bulkhead:project", "shop"), "bulkhead:project",
                "only the project layer manages a single project", "this stack's layer is \"all\"");
        assertOnlyError(set(platform(), "bulkhead:project", "shop"), "bulkhead:project", "\"platform\"");
    }

    @Test
    void theLayerIsOneOfThree() {
        assertOnlyError(set(reference(), "bulkhead:layer", "projects"), "bulkhead:layer",
                "\"projects\" is not valid", "did you mean \"project\"");
    }
}
