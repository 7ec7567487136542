package dev.bulkhead.operator;

import dev.bulkhead.render.RenderedResource;
import dev.bulkhead.testing.LayerStacks;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's objects as the platform layer registers them: the Helm release, the Stacks and the RBAC. */
class OperatorObjectsTest {

    private final List<RenderedResource> platform = LayerStacks.rendered("platform");

    @Test
    void theOperatorIsThePinnedChartInItsOwnNamespaceHardened() {
        RenderedResource release = only("kubernetes:helm.sh/v3:Release", "operator-release");
        assertEquals("oci://ghcr.io/pulumi/helm-charts/pulumi-kubernetes-operator", release.inputs().get("chart"));
        assertEquals(OperatorChart.VERSION, release.inputs().get("version"));
        assertEquals("pulumi-kubernetes-operator", release.inputs().get("namespace"));
        assertEquals(false, release.inputs().get("createNamespace"));
        Map<String, Object> values = map(release.inputs(), "values");
        assertEquals(false, map(values, "rbac").get("createClusterAggregationRoles"),
                "edit/view aggregation would let project developers create Stacks");
        assertEquals("RuntimeDefault", map(map(values, "podSecurityContext"), "seccompProfile").get("type"));
        assertEquals(true, map(values, "podSecurityContext").get("runAsNonRoot"));
        Map<String, Object> container = map(values, "securityContext");
        assertEquals(false, container.get("allowPrivilegeEscalation"));
        assertEquals(true, container.get("readOnlyRootFilesystem"));
        assertEquals(List.of("ALL"), map(container, "capabilities").get("drop"));
        assertNotNull(map(map(values, "resources"), "limits").get("memory"));
        assertEquals("operator", map(values, "podLabels").get("bulkhead.dev/component"));

        Map<String, Object> nsLabels = map(map(only("kubernetes:core/v1:Namespace", "operator-namespace").inputs(),
                "metadata"), "labels");
        assertEquals("restricted", nsLabels.get("pod-security.kubernetes.io/enforce"));
        assertEquals("operator", nsLabels.get("bulkhead.dev/component"));
    }

    @Test
    void eachProjectStackReconcilesItsLayerFromGit() {
        Map<String, Object> stack = map(only("kubernetes:pulumi.com/v1:Stack", "operator-shop-stack").inputs(), "spec");
        assertEquals("dev-shop", stack.get("stack"));
        assertEquals("https://github.com/acme/bulkhead.git", stack.get("projectRepo"));
        assertEquals("main", stack.get("branch"));
        assertFalse(stack.containsKey("commit"));
        assertFalse(stack.containsKey("repoDir"), "the program is at the repository root");
        assertEquals("s3://acme-pulumi-state/projects/shop", stack.get("backend"), "a prefix of its own");
        assertEquals("awskms://alias/bulkhead-shop?region=eu-west-1", stack.get("secretsProvider"));
        assertEquals("shop-workspace", stack.get("serviceAccountName"));
        assertEquals(false, stack.get("destroyOnFinalize"));
        assertEquals(true, stack.get("refresh"));
        assertEquals("Delete", stack.get("workspaceReclaimPolicy"));
        Map<String, Object> config = map(stack, "config");
        assertEquals("project", config.get("bulkhead:layer"));
        assertEquals("shop", config.get("bulkhead:project"));
        assertEquals("eu-west-1", config.get("aws:region"));
        assertFalse(config.containsKey("bulkhead:operator"));
        Map<String, Object> workspace = map(map(stack, "workspaceTemplate"), "spec");
        assertEquals("restricted", workspace.get("securityProfile"));
        assertEquals(List.of(Map.of("secretRef", Map.of("name", "shop-stack-credentials"))), workspace.get("envFrom"));
        assertEquals("pulumi-kubernetes-operator",
                map(only("kubernetes:pulumi.com/v1:Stack", "operator-shop-stack").inputs(), "metadata").get("namespace"));
    }

    @Test
    void noTwoProjectStacksShareStateKeysOrCredentials() {
        Set<String> backends = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        Set<String> credentials = new TreeSet<>();
        List<RenderedResource> stacks = platform.stream().filter(r -> r.type().equals("kubernetes:pulumi.com/v1:Stack"))
                .toList();
        assertEquals(3, stacks.size());
        for (RenderedResource r : stacks) {
            Map<String, Object> spec = map(r.inputs(), "spec");
            backends.add((String) spec.get("backend"));
            if (spec.get("secretsProvider") instanceof String key && key.startsWith("awskms://")) {
                keys.add(key);
            }
            Map<String, Object> workspace = map(map(spec, "workspaceTemplate"), "spec");
            credentials.add(String.valueOf(workspace.get("envFrom")));
        }
        assertEquals(Set.of("s3://acme-pulumi-state/projects/shop", "s3://acme-pulumi-state/projects/analytics",
                "s3://acme-billing-state"), backends);
        assertEquals(2, keys.size(), "shop and billing each have a KMS key; analytics the passphrase");
        assertEquals(3, credentials.size());
    }

    @Test
    void theWorkspaceAccountIsBoundToAuthDelegator() {
        Map<String, Object> binding = only("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
                "shop-clusterrolebinding-bulkhead-shop-workspace-auth-delegator").inputs();
        assertEquals("system:auth-delegator", map(binding, "roleRef").get("name"));
        assertEquals(List.of(Map.of("kind", "ServiceAccount", "name", "shop-workspace",
                "namespace", "pulumi-kubernetes-operator")), binding.get("subjects"));
    }

    @Test
    void theWorkspaceManagesOnlyItsProjectsOwnObjectsAndNothingOfThePerimeter() {
        Set<String> bound = new TreeSet<>();
        for (RenderedResource r : platform) {
            if (r.type().equals("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding")
                    && subjects(r).contains("shop-workspace")) {
                bound.add((String) map(r.inputs(), "metadata").get("namespace"));
            }
        }
        // the project's own namespaces; not its gateway's, which holds nothing of the project layer
        assertEquals(new TreeSet<>(Stacks.settings("dev").project("shop").orElseThrow().namespaces()), bound);

        List<Map<String, Object>> rules = rules("operator-shop-clusterrole-bulkhead-shop-workspace");
        Set<String> written = new TreeSet<>();
        for (Map<String, Object> rule : rules) {
            if (((List<?>) rule.get("verbs")).contains("create")) {
                written.add(rule.get("apiGroups") + "/" + rule.get("resources"));
            }
        }
        // the app kinds of the workload component, and nothing else
        assertEquals(Set.of("[]/[configmaps]", "[]/[secrets]", "[]/[serviceaccounts]", "[]/[services]",
                "[apps]/[deployments]", "[autoscaling]/[horizontalpodautoscalers]", "[policy]/[poddisruptionbudgets]"),
                written);

        List<Map<String, Object>> namespaceRules = rules("operator-shop-clusterrole-bulkhead-shop-workspace-namespaces");
        assertEquals(1, namespaceRules.size());
        assertEquals(List.of("shop-api", "shop-web"), namespaceRules.get(0).get("resourceNames"));
        assertEquals(List.of("get", "list", "watch"), namespaceRules.get(0).get("verbs"),
                "the workspace cannot relabel, create or delete namespaces");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rules(String name) {
        return (List<Map<String, Object>>) only("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", name)
                .inputs().get("rules");
    }

    private static String subjects(RenderedResource r) {
        return String.valueOf(r.inputs().get("subjects"));
    }

    private RenderedResource only(String type, String name) {
        List<RenderedResource> found = platform.stream().filter(r -> r.type().equals(type) && r.name().endsWith(name))
                .toList();
        assertEquals(1, found.size(), () -> type + " " + name + ": " + found.stream().map(RenderedResource::name).toList());
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, () -> key + " is not a mapping: " + value);
        return (Map<String, Object>) value;
    }
}
