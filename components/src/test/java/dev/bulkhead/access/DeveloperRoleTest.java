package dev.bulkhead.access;

import dev.bulkhead.isolation.PerimeterKinds;
import dev.bulkhead.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The developers' matrix: what they run, what they read, and that they write nothing of the perimeter. */
class DeveloperRoleTest {

    private static final List<String> WRITES = List.of("create", "update", "patch", "delete", "deletecollection");

    @SuppressWarnings("unchecked")
    private static boolean allows(String verb, String group, String resource) {
        for (Map<String, Object> rule : DeveloperRole.rules()) {
            List<String> groups = (List<String>) rule.get("apiGroups");
            List<String> resources = (List<String>) rule.get("resources");
            List<String> verbs = (List<String>) rule.get("verbs");
            if ((groups.contains(group) || groups.contains("*")) && (resources.contains(resource)
                    || resources.contains("*")) && (verbs.contains(verb) || verbs.contains("*"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void developersRunTheirWorkloads() {
        for (String[] kind : List.of(new String[] {"apps", "deployments"}, new String[] {"apps", "statefulsets"},
                new String[] {"apps", "replicasets"}, new String[] {"batch", "jobs"}, new String[] {"batch", "cronjobs"},
                new String[] {"", "pods"}, new String[] {"", "services"}, new String[] {"", "configmaps"},
                new String[] {"", "secrets"}, new String[] {"autoscaling", "horizontalpodautoscalers"},
                new String[] {"policy", "poddisruptionbudgets"}, new String[] {"", "persistentvolumeclaims"})) {
            for (String verb : WRITES) {
                assertTrue(allows(verb, kind[0], kind[1]), verb + " " + kind[1]);
            }
        }
        for (String sub : List.of("pods/exec", "pods/portforward", "pods/attach")) {
            assertTrue(allows("create", "", sub), sub);
        }
        assertTrue(allows("get", "", "pods/log"));
    }

    @Test
    void developersReadWhatExplainsADeniedCall() {
        for (String[] kind : List.of(new String[] {"", "events"}, new String[] {"", "resourcequotas"},
                new String[] {"", "limitranges"}, new String[] {"", "serviceaccounts"},
                new String[] {"networking.k8s.io", "networkpolicies"},
                new String[] {"security.istio.io", "authorizationpolicies"},
                new String[] {"gateway.networking.k8s.io", "httproutes"})) {
            assertTrue(allows("list", kind[0], kind[1]), kind[1]);
        }
    }

    @Test
    void developersWriteNothingOfThePerimeterNorIdentitiesNorNamespaces() {
        for (PerimeterKinds.Kind kind : PerimeterKinds.KINDS) {
            for (String verb : WRITES) {
                assertFalse(allows(verb, kind.group(), kind.resource()), verb + " " + kind.kind());
            }
        }
        for (String[] kind : List.of(new String[] {"", "serviceaccounts"}, new String[] {"", "namespaces"},
                new String[] {"", "endpoints"}, new String[] {"discovery.k8s.io", "endpointslices"},
                new String[] {"rbac.authorization.k8s.io", "roles"},
                new String[] {"rbac.authorization.k8s.io", "rolebindings"}, new String[] {"apps", "daemonsets"},
                new String[] {"pulumi.com", "stacks"})) {
            for (String verb : WRITES) {
                assertFalse(allows(verb, kind[0], kind[1]), verb + " " + kind[1]);
            }
        }
        for (String escalation : List.of("bind", "escalate", "impersonate", "*")) {
            assertFalse(DeveloperRole.rules().toString().contains(escalation + ","), escalation);
        }
    }

    @Test
    void theBindingGrantsTheRoleToTheProjectsGroupInOneNamespace() {
        Manifest binding = DeveloperBinding.of("shop", "shop-web");
        assertEquals("shop-web", binding.namespace());
        assertEquals(Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", DeveloperRole.NAME),
                binding.body().get("roleRef"));
        assertEquals(List.of(Map.of("kind", "Group", "apiGroup", "rbac.authorization.k8s.io",
                "name", "bulkhead:shop:developers")), binding.body().get("subjects"));
        assertEquals("shop", binding.labels().get("bulkhead.dev/project"));
    }
}
