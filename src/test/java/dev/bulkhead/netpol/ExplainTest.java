package dev.bulkhead.netpol;

import dev.bulkhead.netpol.Endpoint.External;
import dev.bulkhead.netpol.Endpoint.Pod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.netpol.Fixtures.defaultDeny;
import static dev.bulkhead.netpol.Fixtures.evaluator;
import static dev.bulkhead.netpol.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a verdict records about its deciding policies, and how {@code explain()} says it. */
class ExplainTest {

    private final Pod web = Pod.of("shop-web", Map.of("app", "web"));
    private final Pod db = Pod.of("billing");

    private final NetworkPolicyEvaluator evaluator = evaluator(
            defaultDeny("shop-web"),
            defaultDeny("billing"),
            policy("shop-web", "dns", """
                    {"podSelector": {}, "policyTypes": ["Egress"], "egress": [{"ports": [{"protocol": "UDP", "port": 53}]}]}
                    """),
            policy("shop-web", "to-billing", """
                    {"podSelector": {"matchLabels": {"app": "web"}}, "policyTypes": ["Egress"],
                     "egress": [{"to": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "billing"}}}],
                                 "ports": [{"port": 8443}]}]}
                    """),
            policy("billing", "from-shop", """
                    {"podSelector": {},
                     "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "shop-web"}}}],
                                  "ports": [{"port": 8443}]}]}
                    """));

    @Test
    void aDenialNamesTheIsolatingPolicies() {
        Verdict verdict = evaluator.evaluate(Flow.tcp(web, db, 5432));
        assertFalse(verdict.allowed());
        assertEquals("DENIED: egress from shop-web/{app=web} isolated by [shop-web/default-deny, shop-web/dns, "
                + "shop-web/to-billing]; no rule allows TCP 5432 to billing/{}; ingress to billing/{} isolated by "
                + "[billing/default-deny, billing/from-shop]; no rule allows TCP 5432 from shop-web/{app=web}",
                verdict.explain());
    }

    @Test
    void aDenialMentionsOnlyTheSideThatDenies() {
        Verdict verdict = evaluator.evaluate(Flow.tcp(web, new External("203.0.113.5"), 443));
        assertEquals("DENIED: egress from shop-web/{app=web} isolated by [shop-web/default-deny, shop-web/dns, "
                + "shop-web/to-billing]; no rule allows TCP 443 to 203.0.113.5", verdict.explain());
    }

    @Test
    void anAllowanceNamesTheAllowingPolicies() {
        Verdict verdict = evaluator.evaluate(Flow.tcp(web, db, 8443));
        assertTrue(verdict.allowed());
        assertEquals(List.of("shop-web/to-billing"), verdict.egress().allowedBy());
        assertEquals(List.of("billing/from-shop"), verdict.ingress().allowedBy());
        assertEquals("ALLOWED: TCP 8443 from shop-web/{app=web} to billing/{}; egress allowed by "
                + "[shop-web/to-billing]; ingress allowed by [billing/from-shop]", verdict.explain());
    }

    @Test
    void sidesThatDoNotApplyOrAreNotIsolatedAreSaidSo() {
        Verdict fromOutside = evaluator(policy("shop-web", "open", "{\"podSelector\": {}, \"ingress\": [{}]}"))
                .evaluate(Flow.tcp(new External("192.0.2.1"), web.withIp("10.1.2.3"), 8080));
        assertFalse(fromOutside.egress().applies());
        assertEquals("ALLOWED: TCP 8080 from 192.0.2.1 to shop-web/{app=web}@10.1.2.3; ingress allowed by "
                + "[shop-web/open]", fromOutside.explain());

        Verdict unpoliced = evaluator().evaluate(Flow.udp(web, db, 53));
        assertEquals("ALLOWED: UDP 53 from shop-web/{app=web} to billing/{}; egress from shop-web/{app=web} not "
                + "isolated; ingress to billing/{} not isolated", unpoliced.explain());
    }

    @Test
    void sidesListSelectingPoliciesInNameOrder() {
        Verdict verdict = evaluator.evaluate(Flow.udp(web, db, 53));
        assertEquals(List.of("shop-web/default-deny", "shop-web/dns", "shop-web/to-billing"),
                verdict.egress().selectedBy());
        assertEquals(List.of("shop-web/dns"), verdict.egress().allowedBy());
        assertTrue(verdict.egress().allows());
        assertFalse(verdict.ingress().allows());
    }

    @Test
    void aSideCannotBeAllowedByAPolicyThatDoesNotSelectIt() {
        assertThrows(IllegalArgumentException.class, () -> new Verdict.Side(true, List.of(), List.of("a/b")));
        assertThrows(IllegalArgumentException.class, () -> new Verdict.Side(false, List.of("a/b"), List.of()));
    }
}
