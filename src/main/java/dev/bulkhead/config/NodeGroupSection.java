package dev.bulkhead.config;

import dev.bulkhead.model.NodeGroupSpec;
import dev.bulkhead.model.Taint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.config.ConfigReader.quote;

/** Reads one entry of {@code bulkhead:cluster.nodeGroups}: a managed node group's shape. */
final class NodeGroupSection {

    static final List<String> KEYS = List.of(
            "name", "instanceTypes", "minSize", "desiredSize", "maxSize", "diskSizeGib", "labels", "taints");
    static final List<String> TAINT_KEYS = List.of("key", "value", "effect");
    /** Taint effects as written in Kubernetes, and as the EKS API names them. */
    static final Map<String, String> TAINT_EFFECTS = taintEffects();

    /** The EKS limit on nodes in one managed node group. */
    static final int MAX_NODES = 450;
    static final int DEFAULT_MIN_SIZE = 1;
    static final int MIN_DISK_GIB = 20;
    static final int MAX_DISK_GIB = 16_384;
    static final int DEFAULT_DISK_GIB = 50;

    static final String LABEL_KEY_RULE = "use [prefix/]name, the prefix a DNS subdomain, the name at most 63 letters, "
            + "digits, '-', '_' or '.', starting and ending with a letter or digit";
    static final String LABEL_VALUE_RULE = "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a "
            + "letter or digit, or the empty string";

    private NodeGroupSection() {
    }

    static NodeGroupSpec read(Checks checks, Node node) {
        ConfigReader reader = checks.reader();
        Fields f = reader.fields(node, KEYS);
        Node nameNode = f.required("name", "an RFC 1123 label of at most " + Formats.NAME_MAX + " characters, e.g. general");
        String name = nameNode == null ? null : checks.label(nameNode, Formats.NAME_MAX, "node group name");

        List<String> instanceTypes = new ArrayList<>();
        for (Node type : f.list("instanceTypes", true, "EC2 instance types such as m6i.large")) {
            String text = reader.string(type);
            if (text != null && !Formats.INSTANCE_TYPE.matcher(text).matches()) {
                reader.error(type.path(), quote(text) + " is not an EC2 instance type; write family.size, e.g. m6i.large");
            } else if (text != null) {
                instanceTypes.add(text);
            }
        }

        int before = reader.errorCount();
        int min = f.integer("minSize", DEFAULT_MIN_SIZE);
        checks.range(f.node("minSize"), min, 0, MAX_NODES, "");
        int desired = f.integer("desiredSize", min);
        checks.range(f.node("desiredSize"), desired, 0, MAX_NODES, "");
        int max = f.integer("maxSize", Math.max(desired, 1));
        checks.range(f.node("maxSize"), max, 1, MAX_NODES, "EKS allows at most " + MAX_NODES + " nodes per group");
        if (reader.errorCount() == before && !(min <= desired && desired <= max)) {
            reader.error(node.path(), "sizes out of order: minSize " + min + ", desiredSize " + desired + ", maxSize " + max
                    + "; need 0 <= minSize <= desiredSize <= maxSize <= " + MAX_NODES + " and maxSize >= 1");
        }

        int disk = f.integer("diskSizeGib", DEFAULT_DISK_GIB);
        checks.range(f.node("diskSizeGib"), disk, MIN_DISK_GIB, MAX_DISK_GIB, "GiB");
        return new NodeGroupSpec(name, instanceTypes, min, desired, max, disk, labels(reader, f), taints(checks, f));
    }

    private static Map<String, String> labels(ConfigReader reader, Fields f) {
        Map<String, String> labels = new LinkedHashMap<>();
        Node node = f.node("labels");
        List<Map.Entry<String, Node>> entries = node == null ? null : reader.entries(node);
        if (entries == null) {
            return labels;
        }
        for (Map.Entry<String, Node> e : entries) {
            Node valueNode = e.getValue();
            if (!Formats.isLabelKey(e.getKey())) {
                reader.error(valueNode.path(), quote(e.getKey()) + " is not a Kubernetes label key; " + LABEL_KEY_RULE);
                continue;
            }
            String value = valueNode.value() == null ? "" : reader.string(valueNode);
            if (value != null && !Formats.isLabelValue(value)) {
                reader.error(valueNode.path(), quote(value) + " is not a Kubernetes label value; " + LABEL_VALUE_RULE);
            } else if (value != null) {
                labels.put(e.getKey(), value);
            }
        }
        return labels;
    }

    private static List<Taint> taints(Checks checks, Fields f) {
        ConfigReader reader = checks.reader();
        List<Taint> taints = new ArrayList<>();
        for (Node node : f.list("taints", false, "taints")) {
            Fields t = reader.fields(node, TAINT_KEYS);
            String key = t.requiredString("key", "a label key, e.g. dedicated");
            if (key != null && !Formats.isLabelKey(key)) {
                reader.error(t.path("key"), quote(key) + " is not a valid taint key; " + LABEL_KEY_RULE);
            }
            String value = t.string("value", "");
            if (!Formats.isLabelValue(value)) {
                reader.error(t.path("value"), quote(value) + " is not a valid taint value; " + LABEL_VALUE_RULE);
            }
            Node effectNode = t.required("effect", "one of " + TAINT_EFFECTS.keySet());
            String effect = effectNode == null ? null : checks.oneOf(effectNode, List.copyOf(TAINT_EFFECTS.keySet()));
            if (t.present()) {
                taints.add(new Taint(key, value, effect == null ? null : TAINT_EFFECTS.get(effect)));
            }
        }
        return taints;
    }

    private static Map<String, String> taintEffects() {
        Map<String, String> effects = new LinkedHashMap<>();
        effects.put("NoSchedule", "NO_SCHEDULE");
        effects.put("NoExecute", "NO_EXECUTE");
        effects.put("PreferNoSchedule", "PREFER_NO_SCHEDULE");
        return Collections.unmodifiableMap(effects);
    }
}
