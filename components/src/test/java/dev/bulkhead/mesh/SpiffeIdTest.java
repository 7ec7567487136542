package dev.bulkhead.mesh;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpiffeIdTest {

    @Test
    void principalAndUri() {
        var id = new SpiffeId("cluster.local", "shop-web", "default");
        assertEquals("cluster.local/ns/shop-web/sa/default", id.principal());
        assertEquals("spiffe://cluster.local/ns/shop-web/sa/default", id.uri());
    }

    @Test
    void everyServiceAccountOfANamespace() {
        var any = SpiffeId.anyIn("corp.example", "shop-web");
        assertEquals("corp.example/ns/shop-web/sa/*", any.principal());
        var e = assertThrows(IllegalStateException.class, any::uri);
        assertEquals("a wildcard identity has no certificate URI: corp.example/ns/shop-web/sa/*", e.getMessage());
    }

    @Test
    void malformedPartsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SpiffeId("cluster.local/x", "a", "b"));
        assertEquals("not a trust domain: 'cluster.local/x'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SpiffeId("cluster.local", "*", "b"));
        assertEquals("not a namespace name: '*'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SpiffeId("cluster.local", "a", "b/sa/c"));
        assertEquals("not a service account name: 'b/sa/c'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SpiffeId("", "a", "b"));
    }
}
