package dev.bulkhead.manifest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManifestTest {

    @Test
    void theObjectAsTheApiServerReadsIt() {
        var m = Manifest.namespaced("networking.k8s.io/v1", "NetworkPolicy", "shop-web", "default-deny",
                Map.of("a", "b"), Map.of("podSelector", Map.of()));
        assertEquals(Map.of(
                "apiVersion", "networking.k8s.io/v1",
                "kind", "NetworkPolicy",
                "metadata", Map.of("name", "default-deny", "namespace", "shop-web", "labels", Map.of("a", "b")),
                "spec", Map.of("podSelector", Map.of())), m.toMap());
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec"), new ArrayList<>(m.toMap().keySet()));
        assertEquals("shop-web/NetworkPolicy/default-deny", m.id());
    }

    @Test
    void clusterScopedObjectsHaveNoNamespace() {
        var m = new Manifest("v1", "Namespace", "shop-web", null, Map.of(), Map.of(), false);
        assertEquals(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "shop-web")),
                m.toMap());
        assertEquals("Namespace/shop-web", m.id());
        assertEquals(Map.of(), m.spec());
    }

    @Test
    void theBodyIsCopiedDeeplyAndSortedAndCannotChange() {
        List<Object> list = new ArrayList<>(List.of("x"));
        Map<String, Object> inner = new HashMap<>(Map.of("z", 1, "b", list));
        Map<String, Object> spec = new HashMap<>(Map.of("inner", inner));
        var m = Manifest.namespaced("v1", "X", "ns", "n", Map.of("z", "1", "a", "2"), spec);
        list.add("y");
        inner.put("c", true);
        assertEquals(Map.of("inner", Map.of("z", 1, "b", List.of("x"))), m.spec());
        assertEquals(List.of("a", "z"), new ArrayList<>(m.labels().keySet()));
        @SuppressWarnings("unchecked")
        var copied = (Map<String, Object>) m.spec().get("inner");
        assertEquals(List.of("b", "z"), new ArrayList<>(copied.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> copied.put("d", 1));
        assertThrows(UnsupportedOperationException.class, () -> m.labels().put("d", "1"));
    }

    @Test
    void onlyPlainValuesAndNoMetadataInTheBody() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Manifest.namespaced("v1", "X", "ns", "n", Map.of(), Map.of("port", 1.5)));
        assertEquals("a manifest holds maps, lists, strings, integers and booleans, not java.lang.Double",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Manifest("v1", "X", "n", "ns", Map.of(), Map.of("metadata", Map.of()), false));
        assertEquals("X n: 'metadata' is not part of the body", e.getMessage());
    }
}
