package dev.bulkhead.operator;

import com.google.gson.Gson;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.Layer;
import dev.bulkhead.model.OperatorSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.ProjectStackSpec;
import dev.bulkhead.naming.Names;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One project's {@code Stack} ({@code pulumi.com/v1}), from that project's own stack settings: its repository, branch
 * or pinned commit and directory, its own state backend, secrets provider and credentials Secret, run as its own
 * workspace account. By default the program is this one, run with {@code bulkhead:layer: project} and
 * {@code bulkhead:project: <name>} plus the platform stack's own config, so the project layer validates and sees
 * exactly the configuration the platform deployed. A team's own program gets only the facts it needs from the
 * platform: the project's name and namespaces ({@value #PROJECT_KEY}, {@value #NAMESPACES_KEY}), which override the
 * same keys in its stack file.
 * It never destroys on deletion (deleting the Stack object must not empty a tenant's namespaces), refreshes
 * before each update (drift inside the namespaces is put back), and runs as the project's own workspace account.
 */
public final class ProjectStack {

    public static final String API_VERSION = "pulumi.com/v1";
    public static final String KIND = "Stack";
    public static final String LAYER_KEY = "bulkhead:layer";
    public static final String PROJECT_KEY = "bulkhead:project";
    /** The project's namespaces, as a JSON list, for a team's own program. */
    public static final String NAMESPACES_KEY = "bulkhead:namespaces";
    /** How often the operator polls the branch and re-applies the layer (it refreshes first). */
    public static final int RESYNC_SECONDS = 600;

    private static final Gson GSON = new Gson();

    private ProjectStack() {
    }

    /** The Pulumi stack name of a project's layer: {@code <stack>-<project>}, under the organization if any. */
    public static String stackName(String stack, String project, OperatorSpec spec) {
        String name = stack + "-" + project;
        return spec.organization().map(org -> org + "/" + name).orElse(name);
    }

    /** The name of a project's Stack object, which the operator also gives its Workspace and workspace pod. */
    public static String objectName(String project) {
        return Names.kubernetes(project);
    }

    public static Manifest of(String stack, ProjectSpec project, String namespace, OperatorSpec spec) {
        ProjectStackSpec own = spec.stack(project.name());
        Map<String, Object> workspace = new LinkedHashMap<>();
        workspace.put("securityProfile", "restricted");
        spec.workspaceImage().ifPresent(image -> workspace.put("image", image));
        workspace.put("resources", Map.of(
                // Maven compiles the program in the workspace: it needs a JVM's worth of memory.
                "requests", Map.of("cpu", "500m", "memory", "1Gi"),
                "limits", Map.of("cpu", "2", "memory", "2Gi")));
        workspace.put("envFrom", List.of(Map.of("secretRef", Map.of("name", own.credentialsSecret()))));
        workspace.put("podTemplate", Map.of("metadata", Map.of("labels", PulumiOperator.labels())));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stack", stackName(stack, project.name(), spec));
        body.put("projectRepo", own.repository());
        own.commit().ifPresentOrElse(commit -> body.put("commit", commit), () -> body.put("branch", own.branch()));
        if (!own.path().isEmpty()) {
            body.put("repoDir", own.path());
        }
        own.gitAuthSecret().ifPresent(secret -> body.put("gitAuth", Map.of("accessToken", Map.of(
                "type", "Secret", "secret", Map.of("name", secret, "key", "accessToken")))));
        body.put("backend", own.stateBackend());
        own.secretsProvider().ifPresent(provider -> body.put("secretsProvider", provider));
        body.put("config", config(project, spec, own));
        body.put("serviceAccountName", WorkspaceRbac.serviceAccountName(project.name()));
        body.put("destroyOnFinalize", false);
        body.put("refresh", true);
        body.put("resyncFrequencySeconds", RESYNC_SECONDS);
        // An idle workspace is a pod holding the project's rights: remove it between runs.
        body.put("workspaceReclaimPolicy", "Delete");
        body.put("workspaceTemplate", Map.of("spec", workspace));
        return Manifest.namespaced(API_VERSION, KIND, namespace, objectName(project.name()), PulumiOperator.labels(),
                body);
    }

    /** This program's project layer gets the platform's config; a team's program only its project's facts. */
    private static Map<String, Object> config(ProjectSpec project, OperatorSpec spec, ProjectStackSpec own) {
        Map<String, Object> config = new TreeMap<>();
        if (own.teamProgram()) {
            config.put(NAMESPACES_KEY, GSON.toJson(project.namespaces()));
        } else {
            config.putAll(spec.stackConfig());
            config.put(LAYER_KEY, Layer.PROJECT.configValue());
        }
        config.put(PROJECT_KEY, project.name());
        return config;
    }
}
