package dev.bulkhead.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Searches plain object trees (manifests, or inputs as the mocks recorded them) for what must never be generated:
 * a peer selecting every namespace, an address block covering the internet, an HTTP-level authorization field.
 */
public final class Invariants {

    /** Request attributes only a waypoint can evaluate; in ambient without one, ztunnel denies everything. */
    private static final Set<String> L7_FIELDS = Set.of("methods", "notMethods", "paths", "notPaths", "hosts",
            "notHosts", "requestPrincipals", "notRequestPrincipals", "headers");

    private Invariants() {
    }

    /** Paths of every {@code namespaceSelector} that selects all namespaces. */
    public static List<String> everyNamespaceSelectors(Object tree) {
        List<String> found = new ArrayList<>();
        walk(tree, "", (path, key, value) -> {
            if (key.equals("namespaceSelector") && value instanceof Map<?, ?> selector
                    && isEmpty(selector.get("matchLabels")) && isEmpty(selector.get("matchExpressions"))) {
                found.add(path);
            }
        });
        return found;
    }

    /** Paths of every string that is an address block of prefix length 0. */
    public static List<String> internetBlocks(Object tree) {
        List<String> found = new ArrayList<>();
        walk(tree, "", (path, key, value) -> {
            if (value instanceof String s && s.matches(".*/0+$")) {
                found.add(path + "=" + s);
            }
        });
        return found;
    }

    /** Paths of every HTTP-level field. */
    public static List<String> l7Fields(Object tree) {
        List<String> found = new ArrayList<>();
        walk(tree, "", (path, key, value) -> {
            if (L7_FIELDS.contains(key)) {
                found.add(path);
            }
        });
        return found;
    }

    /** Every string anywhere in the tree, keys included. */
    public static List<String> strings(Object tree) {
        List<String> found = new ArrayList<>();
        walk(tree, "", (path, key, value) -> {
            found.add(key);
            if (value instanceof String s) {
                found.add(s);
            }
        });
        return found;
    }

    private interface Visitor {
        void visit(String path, String key, Object value);
    }

    private static void walk(Object tree, String path, Visitor visitor) {
        if (tree instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String at = path + "." + k;
                visitor.visit(at, (String) k, v);
                walk(v, at, visitor);
            });
        } else if (tree instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String at = path + "[" + i + "]";
                visitor.visit(at, "", list.get(i));
                walk(list.get(i), at, visitor);
            }
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof Map<?, ?> m && m.isEmpty()) || (value instanceof List<?> l && l.isEmpty());
    }
}
