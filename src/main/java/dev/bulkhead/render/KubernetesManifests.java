package dev.bulkhead.render;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code kubernetes/} directory of a render: every Kubernetes object as complete YAML, one file per
 * namespace plus {@code cluster-scoped.yaml}, the Helm releases as descriptors in {@code helm-releases.yaml}, and
 * the manifests the provider downloads at deploy time (pinned URLs, not fetched by the render) in
 * {@code remote-manifests.yaml}.
 */
public final class KubernetesManifests {

    public static final String DIR = "kubernetes/";
    public static final String CLUSTER_SCOPED = "cluster-scoped.yaml";
    public static final String HELM_RELEASES = "helm-releases.yaml";
    public static final String REMOTE_MANIFESTS = "remote-manifests.yaml";
    private static final List<String> LEADING_KEYS = List.of("apiVersion", "kind", "metadata");

    private KubernetesManifests() {
    }

    /** Relative path to file content. */
    public static Map<String, String> files(List<RenderedResource> resources) {
        Map<String, List<RenderedResource>> byFile = new TreeMap<>();
        for (RenderedResource r : resources) {
            if (r.isKubernetesObject()) {
                byFile.computeIfAbsent(fileFor(r), k -> new ArrayList<>()).add(r);
            } else if (r.isHelmRelease()) {
                byFile.computeIfAbsent(HELM_RELEASES, k -> new ArrayList<>()).add(r);
            } else if (r.isRemoteManifest()) {
                byFile.computeIfAbsent(REMOTE_MANIFESTS, k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        Yaml yaml = yaml();
        byFile.forEach((file, list) -> {
            StringBuilder text = new StringBuilder();
            for (RenderedResource r : list) {
                text.append("---\n# ").append(r.urn()).append('\n');
                Object doc = switch (file) {
                    case HELM_RELEASES -> helmDescriptor(r);
                    case REMOTE_MANIFESTS -> remoteDescriptor(r);
                    default -> manifest(r);
                };
                text.append(yaml.dump(doc));
            }
            files.put(DIR + file, text.toString());
        });
        return files;
    }

    private static String fileFor(RenderedResource r) {
        Object metadata = r.inputs().get("metadata");
        if (metadata instanceof Map<?, ?> m && m.get("namespace") instanceof String ns && !ns.isEmpty()) {
            return ns + ".yaml";
        }
        return CLUSTER_SCOPED;
    }

    /** The object as it would be applied: apiVersion, kind and metadata first, everything else sorted. */
    static Map<String, Object> manifest(RenderedResource r) {
        Map<String, Object> plain = asPlain(r.inputs());
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : LEADING_KEYS) {
            if (plain.containsKey(key)) {
                ordered.put(key, plain.get(key));
            }
        }
        plain.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static Map<String, Object> helmDescriptor(RenderedResource r) {
        Map<String, Object> plain = asPlain(r.inputs());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("release", plain.getOrDefault("name", r.name()));
        d.put("chart", plain.get("chart"));
        Object repositoryOpts = plain.get("repositoryOpts");
        d.put("repository", repositoryOpts instanceof Map<?, ?> m ? m.get("repo") : null);
        d.put("version", plain.get("version"));
        d.put("namespace", plain.get("namespace"));
        d.put("values", plain.getOrDefault("values", Map.of()));
        return d;
    }

    private static Map<String, Object> remoteDescriptor(RenderedResource r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", r.name());
        d.put("type", r.type());
        d.put("file", asPlain(r.inputs()).get("file"));
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asPlain(Map<String, Object> inputs) {
        return (Map<String, Object>) JsonValues.toPlain(JsonValues.toJson(inputs));
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndentWithIndicator(true);
        options.setIndicatorIndent(2);
        options.setIndent(2);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(options);
    }
}
