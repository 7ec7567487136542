package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.isolation.PerimeterKinds;
import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes {@code check} tries in each project namespace for each tenant identity: create, update and delete of
 * every perimeter kind (updates and deletes of the namespace's own objects where it has them), and the attacks that
 * go through other kinds: a Service with {@code externalIPs}; Pods or a Deployment wearing the gateway's or
 * Prometheus's labels or leaving the ambient mesh; a projected ServiceAccount token; a token Secret; deleting or
 * re-enabling the {@code default} ServiceAccount; a ServiceAccount that mounts its token; relabelling the
 * namespace out of the mesh or into another project. Every sample wears the platform's own labels, so a guard
 * that trusted labels would show.
 */
final class Probes {

    static final String NAME = "tenant-probe";
    static final String PROBE_ADDRESS = "10.0.0.10";

    private Probes() {
    }

    static List<Probe> of(RenderView view, String namespace) {
        String project = view.projectNamespaces().get(namespace);
        Map<String, String> nsLabels = Map.copyOf(view.namespaceLabels().getOrDefault(namespace, Map.of()));
        Map<String, String> platformLabels = Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE,
                Labels.COMPONENT, Labels.COMPONENT_PLATFORM, Labels.PROJECT, project);
        List<Probe> probes = new ArrayList<>();
        for (PerimeterKinds.Kind kind : PerimeterKinds.KINDS) {
            Map<String, Object> existing = existing(view, kind, namespace);
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("apiVersion", kind.apiVersion());
            sample.put("kind", kind.kind());
            sample.put("metadata", Probe.metadata(NAME, namespace, platformLabels));
            sample.put("spec", sampleSpec(kind.kind()));
            Map<String, Object> target = existing != null ? existing : sample;
            String targetName = name(target);
            for (String operation : AdmissionRequest.operations()) {
                Map<String, Object> object = switch (operation) {
                    case "CREATE" -> sample;
                    case "UPDATE" -> withSpec(target, sample.get("spec"));
                    default -> null;
                };
                String name = operation.equals("CREATE") ? NAME : targetName;
                probes.add(new Probe(operation.toLowerCase() + " " + kind.kind(), true, Probe.verb(operation),
                        new AdmissionRequest(null, operation, kind.group(), kind.version(), kind.resource(),
                                kind.kind(), namespace, name, object, operation.equals("CREATE") ? null : target,
                                nsLabels)));
            }
        }
        probes.addAll(attacks(namespace, project, nsLabels, platformLabels, view));
        return probes;
    }

    private static List<Probe> attacks(String namespace, String project, Map<String, String> nsLabels,
                                       Map<String, String> platformLabels, RenderView view) {
        List<Probe> out = new ArrayList<>();
        Map<String, Object> service = object("v1", "Service", namespace, platformLabels, Map.of(
                "type", "ClusterIP", "ports", List.of(Map.of("port", 8443L, "protocol", "TCP")),
                "externalIPs", List.of(PROBE_ADDRESS)));
        out.add(create("create a Service with externalIPs", "", "v1", "services", "Service", namespace, service,
                nsLabels));
        Map<String, String> gateway = Map.of(Ambient.PROXY_POD_LABEL, NAME);
        out.add(create("create a Pod wearing " + Ambient.PROXY_POD_LABEL, "", "v1", "pods", "Pod", namespace,
                pod(namespace, gateway, List.of()), nsLabels));
        Map<String, Object> deployment = object("apps/v1", "Deployment", namespace, platformLabels, Map.of(
                "selector", Map.of("matchLabels", gateway),
                "template", Map.of("metadata", Map.of("labels", gateway), "spec", podSpec(List.of()))));
        out.add(create("create a Deployment whose pods wear " + Ambient.PROXY_POD_LABEL, "apps", "v1",
                "deployments", "Deployment", namespace, deployment, nsLabels));
        out.add(create("create a Pod that leaves the ambient mesh", "", "v1", "pods", "Pod", namespace,
                pod(namespace, Map.of(Labels.AMBIENT, "none"), List.of()), nsLabels));
        out.add(create("create a Pod wearing Prometheus's labels", "", "v1", "pods", "Pod", namespace,
                pod(namespace, Map.of(Labels.APP_NAME, Labels.APP_NAME_PROMETHEUS), List.of()), nsLabels));
        out.add(create("create a Pod mounting a projected ServiceAccount token", "", "v1", "pods", "Pod", namespace,
                pod(namespace, Map.of("app", NAME), List.of(Map.of("name", "token", "projected", Map.of(
                        "sources", List.of(Map.of("serviceAccountToken", Map.of("audience", "sts.amazonaws.com",
                                "path", "token"))))))), nsLabels));
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", Map.of("name", NAME, "namespace", namespace, "labels", platformLabels,
                "annotations", Map.of("kubernetes.io/service-account.name", "default")));
        secret.put("type", "kubernetes.io/service-account-token");
        out.add(create("create a ServiceAccount token Secret", "", "v1", "secrets", "Secret", namespace, secret,
                nsLabels));
        Map<String, Object> defaultAccount = serviceAccount(namespace, "default", false);
        out.add(new Probe("delete the default ServiceAccount", false, "delete", new AdmissionRequest(null, "DELETE",
                "", "v1", "serviceaccounts", "ServiceAccount", namespace, "default", null, defaultAccount,
                nsLabels)));
        out.add(new Probe("let the default ServiceAccount mount its token", false, "update", new AdmissionRequest(
                null, "UPDATE", "", "v1", "serviceaccounts", "ServiceAccount", namespace, "default",
                serviceAccount(namespace, "default", true), defaultAccount, nsLabels)));
        out.add(create("create a ServiceAccount that mounts its token", "", "v1", "serviceaccounts",
                "ServiceAccount", namespace, serviceAccount(namespace, NAME, null), nsLabels));
        Map<String, Object> oldNamespace = namespaceObject(namespace, nsLabels);
        Map<String, String> outOfMesh = new HashMap<>(nsLabels);
        outOfMesh.remove(Labels.AMBIENT);
        outOfMesh.put(Labels.PROJECT, otherProject(view, project));
        out.add(new Probe("relabel the namespace (out of the mesh, into another project)", false, "update",
                new AdmissionRequest(null, "UPDATE", "", "v1", "namespaces", "Namespace", null, namespace,
                        namespaceObject(namespace, outOfMesh), oldNamespace, Map.of())));
        return out;
    }

    private static Probe create(String what, String group, String version, String resource, String kind,
                                String namespace, Map<String, Object> object, Map<String, String> nsLabels) {
        return new Probe(what, false, "create", new AdmissionRequest(null, "CREATE", group, version, resource, kind,
                namespace, name(object), object, null, nsLabels));
    }

    private static Map<String, Object> pod(String namespace, Map<String, String> labels, List<Object> volumes) {
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", Probe.metadata(NAME, namespace, labels));
        pod.put("spec", podSpec(volumes));
        return pod;
    }

    private static Map<String, Object> podSpec(List<Object> volumes) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("automountServiceAccountToken", false);
        spec.put("containers", List.of(Map.of("name", "app", "image", "registry.example/app:1")));
        if (!volumes.isEmpty()) {
            spec.put("volumes", volumes);
        }
        return spec;
    }

    private static Map<String, Object> serviceAccount(String namespace, String name, Boolean automount) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("apiVersion", "v1");
        account.put("kind", "ServiceAccount");
        account.put("metadata", Probe.metadata(name, namespace, Map.of()));
        if (automount != null) {
            account.put("automountServiceAccountToken", automount);
        }
        return account;
    }

    private static Map<String, Object> namespaceObject(String name, Map<String, String> labels) {
        return Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Probe.metadata(name, null, labels));
    }

    private static Map<String, Object> object(String apiVersion, String kind, String namespace,
                                              Map<String, String> labels, Map<String, Object> spec) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", Probe.metadata(NAME, namespace, labels));
        object.put("spec", spec);
        return object;
    }

    private static Map<String, Object> sampleSpec(String kind) {
        return switch (kind) {
            case "NetworkPolicy" -> Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"),
                    "egress", List.of(Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0"))))));
            case "PeerAuthentication" -> Map.of("mtls", Map.of("mode", "DISABLE"));
            case "AuthorizationPolicy" -> Map.of("action", "ALLOW", "rules", List.of(Map.of()));
            case "ResourceQuota" -> Map.of("hard", Map.of("pods", "1000"));
            default -> Map.of();
        };
    }

    private static Map<String, Object> existing(RenderView view, PerimeterKinds.Kind kind, String namespace) {
        for (RenderedResource r : view.kind(kind.kind(), namespace)) {
            if (r.type().startsWith("kubernetes:" + kind.apiVersion() + ":")) {
                return r.inputs();
            }
        }
        return null;
    }

    private static Map<String, Object> withSpec(Map<String, Object> object, Object spec) {
        Map<String, Object> changed = new LinkedHashMap<>(object);
        changed.put("spec", spec);
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static String name(Map<String, Object> object) {
        Object metadata = object.get("metadata");
        return metadata instanceof Map<?, ?> m ? String.valueOf(((Map<String, Object>) m).get("name")) : NAME;
    }

    private static String otherProject(RenderView view, String project) {
        return view.projectNamespaces().values().stream().filter(p -> !p.equals(project)).findFirst()
                .orElse(project + "-other");
    }
}
