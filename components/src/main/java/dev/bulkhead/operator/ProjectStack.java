package dev.bulkhead.operator;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.Layer;
import dev.bulkhead.model.OperatorSpec;
import dev.bulkhead.naming.Names;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One project's {@code Stack} ({@code pulumi.com/v1}): the operator checks out this same program from git and
 * runs it with {@code bulkhead:layer: project} and {@code bulkhead:project: <name>}, plus the platform stack's
 * own config, so the project layer validates and sees exactly the configuration the platform deployed.
 * It never destroys on deletion (deleting the Stack object must not empty a tenant's namespaces), refreshes
 * before each update (drift inside the namespaces is put back), and runs as the project's own workspace account.
 */
public final class ProjectStack {

    public static final String API_VERSION = "pulumi.com/v1";
    public static final String KIND = "Stack";
    public static final String LAYER_KEY = "bulkhead:layer";
    public static final String PROJECT_KEY = "bulkhead:project";
    /** How often the operator polls the branch and re-applies the layer (it refreshes first). */
    public static final int RESYNC_SECONDS = 600;

    private ProjectStack() {
    }

    /** The Pulumi stack name of a project's layer: {@code <stack>-<project>}, under the organization if any. */
    public static String stackName(String stack, String project, OperatorSpec spec) {
        String name = stack + "-" + project;
        return spec.organization().map(org -> org + "/" + name).orElse(name);
    }

    public static Manifest of(String stack, String project, String namespace, OperatorSpec spec) {
        Map<String, Object> config = new TreeMap<>(spec.stackConfig());
        config.put(LAYER_KEY, Layer.PROJECT.configValue());
        config.put(PROJECT_KEY, project);

        Map<String, Object> workspace = new LinkedHashMap<>();
        workspace.put("securityProfile", "restricted");
        spec.workspaceImage().ifPresent(image -> workspace.put("image", image));
        workspace.put("resources", Map.of(
                // Maven compiles the program in the workspace: it needs a JVM's worth of memory.
                "requests", Map.of("cpu", "500m", "memory", "1Gi"),
                "limits", Map.of("cpu", "2", "memory", "2Gi")));
        spec.credentialsSecret().ifPresent(secret ->
                workspace.put("envFrom", List.of(Map.of("secretRef", Map.of("name", secret)))));
        workspace.put("podTemplate", Map.of("metadata", Map.of("labels", PulumiOperator.labels())));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stack", stackName(stack, project, spec));
        body.put("projectRepo", spec.repository());
        body.put("branch", spec.branch());
        if (!spec.path().isEmpty()) {
            body.put("repoDir", spec.path());
        }
        spec.gitAuthSecret().ifPresent(secret -> body.put("gitAuth", Map.of("accessToken", Map.of(
                "type", "Secret", "secret", Map.of("name", secret, "key", "accessToken")))));
        body.put("backend", spec.stateBackend());
        spec.secretsProvider().ifPresent(provider -> body.put("secretsProvider", provider));
        body.put("config", config);
        body.put("serviceAccountName", WorkspaceRbac.serviceAccountName(project));
        body.put("destroyOnFinalize", false);
        body.put("refresh", true);
        body.put("resyncFrequencySeconds", RESYNC_SECONDS);
        // An idle workspace is a pod holding the project's rights: remove it between runs.
        body.put("workspaceReclaimPolicy", "Delete");
        body.put("workspaceTemplate", Map.of("spec", workspace));
        return Manifest.namespaced(API_VERSION, KIND, namespace, Names.kubernetes(project), PulumiOperator.labels(),
                body);
    }
}
