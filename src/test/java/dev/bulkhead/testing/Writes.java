package dev.bulkhead.testing;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.check.authority.AdmissionRequest;
import dev.bulkhead.check.authority.Identity;
import dev.bulkhead.operator.WorkspaceRbac;
import dev.bulkhead.render.RenderedResource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The write an identity sends the API server to apply a rendered object: a create, or the update a patch becomes, in
 * a namespace labelled as the platform's render labels it. This is what RBAC and admission judge when a stack runs.
 */
public final class Writes {

    private Writes() {
    }

    /** The verb RBAC checks for {@code r}: {@code patch} for a patch, else {@code create}. */
    public static String verb(RenderedResource r) {
        return r.type().endsWith("Patch") ? "patch" : "create";
    }

    /** The request applying {@code r} as {@code who}; {@code namespaceLabels} are those of the platform's render. */
    public static AdmissionRequest of(Identity who, RenderedResource r, Map<String, Map<String, String>> namespaceLabels) {
        String type = r.type().substring("kubernetes:".length());
        String apiVersion = type.substring(0, type.lastIndexOf(':')).replace("core/", "");
        String kind = type.substring(type.lastIndexOf(':') + 1).replace("Patch", "");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        boolean patch = r.type().endsWith("Patch");
        Map<String, Object> object = new LinkedHashMap<>(r.inputs());
        object.put("kind", kind);
        String namespace = RenderView.namespace(r).orElse(null);
        return new AdmissionRequest(who, patch ? "UPDATE" : "CREATE", group, version, WorkspaceRbac.resource(kind),
                kind, namespace, RenderView.name(r), object, patch ? Map.of("metadata", Map.of("name",
                RenderView.name(r), "namespace", namespace)) : null,
                namespaceLabels.getOrDefault(namespace, Map.of()));
    }
}
