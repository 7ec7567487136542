package dev.bulkhead.netpol;

import dev.bulkhead.netpol.Endpoint.External;
import dev.bulkhead.netpol.Endpoint.Pod;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Endpoints and flows refuse values no policy could be evaluated against. */
class EndpointTest {

    @Test
    void podsDescribeThemselvesWithSortedLabels() {
        Pod pod = Pod.of("shop", Map.of("tier", "prod", "app", "web"));
        assertEquals("shop/{app=web,tier=prod}", pod.describe());
        assertEquals("shop/{}@10.0.0.7", Pod.of("shop").withIp("10.0.0.7").describe());
    }

    @Test
    void withersKeepTheRestOfThePod() {
        Pod pod = Pod.of("shop", Map.of("app", "web")).withIp("10.0.0.7").withNamedPort("http", 8080)
                .withNamedPort("metrics", 9090);
        assertEquals(new Pod("shop", Map.of("app", "web"), Optional.of("10.0.0.7"),
                Map.of("http", 8080, "metrics", 9090)), pod);
    }

    @Test
    void badPodsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Pod.of(" "));
        assertThrows(IllegalArgumentException.class, () -> Pod.of("shop").withIp("10.0.0"));
        assertThrows(IllegalArgumentException.class, () -> Pod.of("shop").withIp("10.0.0.07"));
        assertThrows(IllegalArgumentException.class, () -> Pod.of("shop").withNamedPort("http", 0));
    }

    @Test
    void externalAddressesMustBeIpv4() {
        assertEquals("192.0.2.1", new External("192.0.2.1").describe());
        assertThrows(IllegalArgumentException.class, () -> new External("example.com"));
        assertThrows(IllegalArgumentException.class, () -> new External("2001:db8::1"));
        assertThrows(IllegalArgumentException.class, () -> new External("1.2.3.4/32"));
    }

    @Test
    void flowPortsMustBeRealPorts() {
        Pod pod = Pod.of("shop");
        assertThrows(IllegalArgumentException.class, () -> Flow.tcp(pod, pod, 0));
        assertThrows(IllegalArgumentException.class, () -> Flow.tcp(pod, pod, 65536));
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.evaluator().allows(pod, pod, 70000, Protocol.TCP));
    }
}
