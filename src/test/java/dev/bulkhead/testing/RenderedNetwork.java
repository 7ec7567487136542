package dev.bulkhead.testing;

import com.google.gson.JsonObject;
import dev.bulkhead.netpol.NetworkPolicyEvaluator;
import dev.bulkhead.render.JsonValues;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The NetworkPolicy evaluator over a render: every rendered NetworkPolicy, namespace labels from Namespace objects. */
public final class RenderedNetwork {

    private RenderedNetwork() {
    }

    public static NetworkPolicyEvaluator evaluator(List<RenderedResource> resources) {
        List<JsonObject> policies = new ArrayList<>();
        Map<String, Map<String, String>> namespaceLabels = new LinkedHashMap<>();
        for (RenderedResource r : resources) {
            if (r.type().equals("kubernetes:networking.k8s.io/v1:NetworkPolicy")) {
                policies.add(JsonValues.toJson(r.inputs()).getAsJsonObject());
            } else if (r.type().equals("kubernetes:core/v1:Namespace")
                    && r.inputs().get("metadata") instanceof Map<?, ?> metadata) {
                Map<String, String> labels = new LinkedHashMap<>();
                if (metadata.get("labels") instanceof Map<?, ?> l) {
                    l.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
                }
                namespaceLabels.put((String) metadata.get("name"), labels);
            }
        }
        return new NetworkPolicyEvaluator(policies, namespaceLabels);
    }
}
