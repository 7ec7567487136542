package dev.bulkhead.netpol;

import dev.bulkhead.netpol.Endpoint.External;
import dev.bulkhead.netpol.Endpoint.Pod;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.bulkhead.netpol.Fixtures.evaluator;
import static dev.bulkhead.netpol.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ipBlock} peers: a CIDR minus its exceptions, against external addresses and pod IPs. */
class IpBlockTest {

    private final Pod app = Pod.of("shop", Map.of("app", "web"));

    private final NetworkPolicyEvaluator egressToBlock = evaluator(policy("shop", "to-block", """
            {"podSelector": {}, "policyTypes": ["Egress"],
             "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/16", "except": ["10.0.5.0/24", "10.0.9.9/32"]}}]}]}
            """));

    private boolean reaches(String ip) {
        return egressToBlock.allows(Flow.tcp(app, new External(ip), 443));
    }

    @Test
    void addressesInsideTheCidrMatch() {
        assertTrue(reaches("10.0.0.0"));
        assertTrue(reaches("10.0.200.1"));
        assertTrue(reaches("10.0.255.255"));
    }

    @Test
    void addressesOutsideTheCidrDoNot() {
        assertFalse(reaches("10.1.0.0"));
        assertFalse(reaches("9.255.255.255"));
    }

    @Test
    void exceptedAddressesAreDeniedAndTheirNeighboursAllowed() {
        assertTrue(reaches("10.0.4.255"));
        assertFalse(reaches("10.0.5.0"));
        assertFalse(reaches("10.0.5.255"));
        assertTrue(reaches("10.0.6.0"));
        assertFalse(reaches("10.0.9.9"));
        assertTrue(reaches("10.0.9.8"));
        assertTrue(reaches("10.0.9.10"));
    }

    @Test
    void podsMatchByTheirIpWhenTheyHaveOne() {
        Pod db = Pod.of("billing", Map.of("app", "db"));
        assertTrue(egressToBlock.allows(Flow.tcp(app, db.withIp("10.0.1.20"), 5432)));
        assertFalse(egressToBlock.allows(Flow.tcp(app, db.withIp("10.0.5.20"), 5432)));
        assertFalse(egressToBlock.allows(Flow.tcp(app, db, 5432)), "a pod without a known IP matches no ipBlock");
    }

    @Test
    void theInternetExceptPrivateRanges() {
        NetworkPolicyEvaluator evaluator = evaluator(policy("shop", "from-internet", """
                {"podSelector": {}, "ingress": [{"from": [{"ipBlock": {"cidr": "0.0.0.0/0",
                  "except": ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]}}]}]}
                """));
        assertTrue(evaluator.allows(Flow.tcp(new External("203.0.113.9"), app, 443)));
        assertTrue(evaluator.allows(Flow.tcp(new External("172.32.0.1"), app, 443)));
        assertFalse(evaluator.allows(Flow.tcp(new External("172.31.255.255"), app, 443)));
        assertFalse(evaluator.allows(Flow.tcp(new External("192.168.1.1"), app, 443)));
    }

    @Test
    void aSingleHostBlock() {
        NetworkPolicyEvaluator evaluator = evaluator(policy("shop", "probes", """
                {"podSelector": {}, "ingress": [{"from": [{"ipBlock": {"cidr": "169.254.7.127/32"}}]}]}
                """));
        assertTrue(evaluator.allows(Flow.tcp(new External("169.254.7.127"), app, 15021)));
        assertFalse(evaluator.allows(Flow.tcp(new External("169.254.7.126"), app, 15021)));
        assertFalse(evaluator.allows(Flow.tcp(new External("169.254.7.128"), app, 15021)));
    }
}
