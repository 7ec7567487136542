package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.platform.guards.AdmissionGuard;
import dev.bulkhead.platform.guards.AdmissionGuards;
import dev.bulkhead.platform.guards.GuardContext;
import dev.bulkhead.render.RenderedResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's admission guards, evaluated as the API server would evaluate them: who may write what in a project
 * namespace. Every expression of every guard is evaluated here (none is left unevaluated), so these decisions are
 * the guards' own.
 */
class AdmissionGuardsTest {

    private static final String WORKSPACE = "system:serviceaccount:pulumi-kubernetes-operator:shop-workspace";
    private static final Map<String, String> SHOP_WEB = Map.of("bulkhead.dev/project", "shop",
            "istio.io/dataplane-mode", "ambient", "kubernetes.io/metadata.name", "shop-web");
    private static final Admission ADMISSION = admission();

    private static final Identity DEVELOPER = user("arn:aws:sts::111122223333:assumed-role/bulkhead-dev-dev-shop/bob",
            "bulkhead:shop:developers");
    private static final Identity ADMIN = user("arn:aws:sts::111122223333:assumed-role/bulkhead-dev-admin/alice",
            "bulkhead:platform-admins");
    private static final Identity WORKSPACE_SA = serviceAccount(WORKSPACE);
    private static final Identity POD = serviceAccount("system:serviceaccount:shop-web:default");
    private static final Identity ISTIOD = serviceAccount("system:serviceaccount:istio-system:istiod");
    private static final Identity REPLICASETS = serviceAccount("system:serviceaccount:kube-system:replicaset-controller");
    private static final Identity LB_CONTROLLER =
            serviceAccount("system:serviceaccount:kube-system:aws-load-balancer-controller");

    static Admission admission() {
        List<RenderedResource> resources = new ArrayList<>();
        GuardContext context = new GuardContext(List.of(WORKSPACE),
                List.of("kube-system", "istio-system", "kyverno", "pulumi-kubernetes-operator"));
        for (AdmissionGuard guard : AdmissionGuards.all(context)) {
            for (Manifest m : guard.manifests()) {
                resources.add(new RenderedResource("urn:" + m.kind() + ":" + m.name(),
                        "kubernetes:" + m.apiVersion() + ":" + m.kind(), m.name(), Optional.empty(), Optional.empty(),
                        plain(m.toMap())));
            }
        }
        return new Admission(new RenderView(resources));
    }

    private static Identity user(String username, String group) {
        return new Identity(Identity.Kind.ACCESS_ENTRY, username, username, List.of(group, "system:authenticated"),
                null, null);
    }

    private static Identity serviceAccount(String username) {
        String namespace = username.split(":")[2];
        return new Identity(Identity.Kind.WORKSPACE, username, username, Identity.serviceAccountGroups(namespace), null,
                null);
    }

    private static AdmissionDecision decide(Identity who, String operation, String group, String resource, String kind,
                                            Map<String, Object> object, Map<String, Object> oldObject) {
        Map<String, Object> any = object != null ? object : oldObject;
        String name = String.valueOf(((Map<?, ?>) any.get("metadata")).get("name"));
        AdmissionDecision decision = ADMISSION.decide(new AdmissionRequest(who, operation, group, "v1", resource, kind,
                "shop-web", name, object, oldObject, SHOP_WEB));
        assertEquals(List.of(), decision.unevaluated(), "every guard expression is evaluated");
        return decision;
    }

    private static Map<String, Object> object(String kind, String name, Map<String, String> labels, Map<String, Object> more) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("kind", kind);
        object.put("metadata", Map.of("name", name, "namespace", "shop-web", "labels", labels));
        object.putAll(more);
        return object;
    }

    @Test
    void onlyThePlatformWritesThePerimeterWhateverItsLabels() {
        Map<String, Object> policy = object("NetworkPolicy", "open", Map.of("app.kubernetes.io/managed-by", "bulkhead",
                "bulkhead.dev/component", "egress"), Map.of("spec", Map.of("podSelector", Map.of())));
        for (Identity tenant : List.of(DEVELOPER, WORKSPACE_SA, POD, ISTIOD)) {
            for (String operation : List.of("CREATE", "UPDATE", "DELETE")) {
                AdmissionDecision d = decide(tenant, operation, "networking.k8s.io", "networkpolicies", "NetworkPolicy",
                        operation.equals("DELETE") ? null : policy, operation.equals("CREATE") ? null : policy);
                assertFalse(d.admitted(), tenant.name() + " " + operation);
                assertTrue(d.refusedBy().get(0).startsWith("bulkhead-perimeter-objects:"), d.refusedBy().toString());
            }
        }
        assertTrue(decide(ADMIN, "DELETE", "networking.k8s.io", "networkpolicies", "NetworkPolicy", null, policy)
                .admitted());
        Map<String, Object> peer = object("PeerAuthentication", "weak", Map.of(), Map.of());
        assertFalse(decide(DEVELOPER, "CREATE", "security.istio.io", "peerauthentications", "PeerAuthentication", peer,
                null).admitted());
        // a kind of a guarded group nobody listed is guarded too
        assertFalse(decide(DEVELOPER, "CREATE", "networking.istio.io", "envoyfilters", "EnvoyFilter", peer, null)
                .admitted());
        // the load balancer controller adds its finalizer to bindings, and may not create one
        Map<String, Object> binding = object("TargetGroupBinding", "shop", Map.of(), Map.of());
        assertTrue(decide(LB_CONTROLLER, "UPDATE", "elbv2.k8s.aws", "targetgroupbindings", "TargetGroupBinding",
                binding, binding).admitted());
        assertFalse(decide(LB_CONTROLLER, "CREATE", "elbv2.k8s.aws", "targetgroupbindings", "TargetGroupBinding",
                binding, null).admitted());
    }

    @Test
    void tenantPodsWearNoPlatformIdentityButControllersMayCopyCheckedTemplates() {
        var gateway = Map.of("gateway.networking.k8s.io/gateway-name", "waypoint");
        Map<String, Object> pod = object("Pod", "p", gateway, Map.of("spec", Map.of("containers", List.of())));
        assertFalse(decide(DEVELOPER, "CREATE", "", "pods", "Pod", pod, null).admitted());
        assertTrue(decide(REPLICASETS, "CREATE", "", "pods", "Pod", pod, null).admitted(),
                "pods made from a ReplicaSet's template, checked when it was written");
        Map<String, Object> deployment = object("Deployment", "waypoint", Map.of(), Map.of("spec", Map.of(
                "template", Map.of("metadata", Map.of("labels", gateway), "spec", Map.of()))));
        assertTrue(decide(ISTIOD, "CREATE", "apps", "deployments", "Deployment", deployment, null).admitted());
        assertFalse(decide(DEVELOPER, "UPDATE", "apps", "deployments", "Deployment", deployment, deployment).admitted(),
                "a developer changing the waypoint istiod deployed");
        Map<String, Object> cronJob = object("CronJob", "c", Map.of(), Map.of("spec", Map.of("jobTemplate", Map.of(
                "spec", Map.of("template", Map.of("metadata", Map.of("labels", Map.of("app.kubernetes.io/name",
                        "prometheus")), "spec", Map.of()))))));
        assertFalse(decide(DEVELOPER, "CREATE", "batch", "cronjobs", "CronJob", cronJob, null).admitted());
        assertFalse(decide(DEVELOPER, "CREATE", "", "pods", "Pod", object("Pod", "p", Map.of("istio.io/dataplane-mode",
                "none"), Map.of("spec", Map.of())), null).admitted());
        assertTrue(decide(DEVELOPER, "CREATE", "", "pods", "Pod", object("Pod", "p", Map.of("istio.io/dataplane-mode",
                "ambient", "app", "web"), Map.of("spec", Map.of())), null).admitted());
        Map<String, Object> token = object("Pod", "t", Map.of("app", "web"), Map.of("spec", Map.of("volumes",
                List.of(Map.of("name", "t", "projected", Map.of("sources", List.of(Map.of("serviceAccountToken",
                        Map.of("audience", "vault", "path", "t")))))))));
        AdmissionDecision refused = decide(DEVELOPER, "CREATE", "", "pods", "Pod", token, null);
        assertEquals(List.of("bulkhead-tenant-pods: pods in project namespaces cannot mount a ServiceAccount token, "
                + "projected or not"), refused.refusedBy());
        Map<String, Object> job = object("Job", "j", Map.of(), Map.of("spec", Map.of("template", Map.of(
                "spec", Map.of("volumes", List.of(Map.of("name", "cfg", "configMap", Map.of("name", "cfg"))))))));
        assertTrue(decide(DEVELOPER, "CREATE", "batch", "jobs", "Job", job, null).admitted(),
                "a template without labels and without a token is fine");
    }

    @Test
    void noExternalIpsAndNoTokenSecrets() {
        Map<String, Object> service = object("Service", "s", Map.of(), Map.of("spec", Map.of("type", "ClusterIP",
                "externalIPs", List.of("10.40.7.7"))));
        assertFalse(decide(ADMIN, "CREATE", "", "services", "Service", service, null).admitted(), "nobody is exempt");
        assertTrue(decide(DEVELOPER, "CREATE", "", "services", "Service", object("Service", "s", Map.of(),
                Map.of("spec", Map.of("type", "ClusterIP"))), null).admitted());
        AdmissionDecision inKubeSystem = ADMISSION.decide(new AdmissionRequest(ADMIN, "CREATE", "", "v1", "services",
                "Service", "kube-system", "s", service, null, Map.of("kubernetes.io/metadata.name", "kube-system")));
        assertTrue(inKubeSystem.admitted(), "a platform namespace");
        Map<String, Object> secret = object("Secret", "tok", Map.of(), Map.of("type",
                "kubernetes.io/service-account-token"));
        assertFalse(decide(DEVELOPER, "CREATE", "", "secrets", "Secret", secret, null).admitted());
        assertTrue(decide(DEVELOPER, "CREATE", "", "secrets", "Secret", object("Secret", "db", Map.of(),
                Map.of("type", "Opaque")), null).admitted());
    }

    @Test
    void theDefaultServiceAccountStaysTokenlessAndOnlyTheWorkspacePatchesIt() {
        Map<String, Object> off = object("ServiceAccount", "default", Map.of(),
                Map.of("automountServiceAccountToken", false));
        Map<String, Object> on = object("ServiceAccount", "default", Map.of(),
                Map.of("automountServiceAccountToken", true));
        Map<String, Object> unset = object("ServiceAccount", "default", Map.of(), Map.of());
        assertTrue(decide(WORKSPACE_SA, "UPDATE", "", "serviceaccounts", "ServiceAccount", off, unset).admitted(),
                "the project layer's own patch");
        assertFalse(decide(WORKSPACE_SA, "UPDATE", "", "serviceaccounts", "ServiceAccount", on, off).admitted());
        assertFalse(decide(DEVELOPER, "UPDATE", "", "serviceaccounts", "ServiceAccount", off, unset).admitted());
        assertFalse(decide(WORKSPACE_SA, "DELETE", "", "serviceaccounts", "ServiceAccount", null, off).admitted());
        assertTrue(decide(ADMIN, "DELETE", "", "serviceaccounts", "ServiceAccount", null, off).admitted());
        Map<String, Object> app = object("ServiceAccount", "app", Map.of(), Map.of());
        assertFalse(decide(WORKSPACE_SA, "CREATE", "", "serviceaccounts", "ServiceAccount", app, null).admitted(),
                "a ServiceAccount that would mount its token");
        Map<String, Object> tokenless = object("ServiceAccount", "app", Map.of(),
                Map.of("automountServiceAccountToken", false));
        assertTrue(decide(WORKSPACE_SA, "CREATE", "", "serviceaccounts", "ServiceAccount", tokenless, null).admitted(),
                "token-less accounts are RBAC's to allow");
        assertTrue(decide(ISTIOD, "CREATE", "", "serviceaccounts", "ServiceAccount", app, null).admitted(),
                "istiod makes the waypoints' accounts");
    }

    @Test
    void projectNamespacesKeepTheirLabels() {
        Map<String, Object> namespace = Map.of("metadata", Map.of("name", "shop-web", "labels", SHOP_WEB));
        Map<String, Object> relabelled = Map.of("metadata", Map.of("name", "shop-web", "labels",
                Map.of("bulkhead.dev/project", "billing", "kubernetes.io/metadata.name", "shop-web")));
        Map<String, Object> annotated = Map.of("metadata", Map.of("name", "shop-web", "labels", SHOP_WEB,
                "annotations", Map.of("note", "x")));
        for (Identity tenant : List.of(DEVELOPER, WORKSPACE_SA, POD)) {
            assertFalse(namespaceDecision(tenant, "UPDATE", relabelled, namespace).admitted(), tenant.name());
            assertFalse(namespaceDecision(tenant, "DELETE", null, namespace).admitted(), tenant.name());
            assertTrue(namespaceDecision(tenant, "UPDATE", annotated, namespace).admitted(), tenant.name());
        }
        assertTrue(namespaceDecision(ADMIN, "UPDATE", relabelled, namespace).admitted());
        Map<String, Object> other = Map.of("metadata", Map.of("name", "scratch", "labels", Map.of()));
        Map<String, Object> joined = Map.of("metadata", Map.of("name", "scratch", "labels",
                Map.of("bulkhead.dev/project", "shop")));
        assertFalse(namespaceDecision(DEVELOPER, "UPDATE", joined, other).admitted(), "joining a project");
        assertTrue(namespaceDecision(DEVELOPER, "DELETE", null, other).admitted(), "not a project namespace");
    }

    private static AdmissionDecision namespaceDecision(Identity who, String operation, Map<String, Object> object,
                                                      Map<String, Object> oldObject) {
        Map<String, Object> any = object != null ? object : oldObject;
        String name = String.valueOf(((Map<?, ?>) any.get("metadata")).get("name"));
        AdmissionDecision d = ADMISSION.decide(new AdmissionRequest(who, operation, "", "v1", "namespaces",
                "Namespace", null, name, object, oldObject, Map.of()));
        assertEquals(List.of(), d.unevaluated());
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Map<String, Object> map) {
        return (Map<String, Object>) dev.bulkhead.render.JsonValues.toPlain(dev.bulkhead.render.JsonValues.toJson(map));
    }
}
