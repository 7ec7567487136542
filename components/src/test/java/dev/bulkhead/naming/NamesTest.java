package dev.bulkhead.naming;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Derived names are valid where they land and distinct for distinct inputs. */
class NamesTest {

    /** What AWS accepts as a load balancer or target group name. */
    private static final Pattern ELB = Pattern.compile("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$");
    private static final Pattern RFC1123 = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");

    @Test
    void loadBalancerNamesAreValidForEveryStackName() {
        for (String stack : List.of("dev", "internal", "Internal", "internal-eu", "_dev", "-dev", "dev_", "a.b",
                "production-eu-west-1-blue-green-canary", "x")) {
            for (String project : List.of("shop", "a", "a-very-long-project-name-of-forty-chars")) {
                for (String name : List.of(Names.alb(stack, project), Names.targetGroup(stack, project))) {
                    assertTrue(ELB.matcher(name).matches(), stack + "/" + project + " -> " + name);
                    assertFalse(name.startsWith("internal-"), name);
                    assertTrue(name.startsWith(Names.targetGroupPrefix(stack)), name);
                }
            }
        }
        assertEquals("dev-shop", Names.alb("dev", "shop"), "an ordinary stack keeps its plain name");
        assertEquals("lb-internal-shop", Names.alb("internal", "shop"));
    }

    @Test
    void hostNamesDoNotCollideWhenDotsBecomeDashes() {
        List<String> hosts = List.of("api.stripe.com", "api-stripe.com", "api.stripe-com", "*.example.com",
                "wildcard.example.com", "wildcard-example.com", "*.s3.eu-west-1.amazonaws.com",
                "s3.eu-west-1.amazonaws.com");
        Set<String> names = new HashSet<>();
        for (String host : hosts) {
            String name = Names.host(host);
            assertTrue(RFC1123.matcher(name).matches(), host + " -> " + name);
            assertTrue(names.add(name), host + " shares " + name);
        }
        assertEquals("api-stripe-com", Names.host("api.stripe.com"), "a host without dashes stays readable");
        assertEquals(Names.host("api-stripe.com"), Names.host("api-stripe.com"), "deterministic");
    }

    @Test
    void routeNamesComeFromHostAndPath() {
        assertNotEquals(Names.route("shop.example.com", "/"), Names.route("shop.example.com", "/api"));
        assertEquals(Names.route("shop.example.com", "/"), Names.route("shop.example.com", "/"));
        assertTrue(Names.route("shop.example.com", "/").startsWith("route-shop-example-com-"));
        String long_ = Names.route("a-really-long-host-name-that-goes-on.and-on.example-domain.com", "/x");
        assertTrue(long_.length() <= Names.KUBERNETES_MAX && RFC1123.matcher(long_).matches(), long_);
    }
}
