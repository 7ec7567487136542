package dev.bulkhead.check;

import dev.bulkhead.netpol.Protocol;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code reach} over workloads as an App component renders them ({@link AppFixture}): identities from pod
 * templates, L7 rules at the namespace's waypoint for traffic addressed to the Service, the ztunnel for traffic
 * addressed to a pod, and the ztunnel's fail-safe for an L7 policy bound by selector.
 */
class AppReachTest {

    private final RenderView view;
    private final EndpointResolver resolver;

    AppReachTest() {
        MutatedRender render = new MutatedRender();
        AppFixture.addTo(render);
        view = render.view();
        resolver = new EndpointResolver(view);
    }

    private ReachAnswer ask(String from, String to, String port, String... request) throws Exception {
        var q = ReachQuestion.parse(resolver, from, to, port, List.of(request));
        return ReachAnswer.ask(view, new Reachability(view), q.from(), q.to(), q.port(), q.protocol(), q.request());
    }

    @Test
    void aWorkloadRunsAsItsPodTemplatesServiceAccount() throws Exception {
        ReachAnswer answer = ask("shop-web/web", "orders.shop-api", "80", "GET", "/orders/42");
        assertEquals(ReachAnswer.Verdict.ALLOWED, answer.verdict(), answer.text());
        assertTrue(answer.text().contains("orders-l7 rule 0 admits cluster.local/ns/shop-web/sa/web on port 8080"),
                answer.text());
        // the Service port 80 reaches the pods' 8080, and the waypoint's identity is what the pod's ztunnel sees
        assertTrue(answer.text().contains("orders-from-waypoint rule 0 admits cluster.local/ns/shop-api/sa/waypoint")
                || answer.text().contains("allow-same-project rule 0 admits cluster.local/ns/shop-api/sa/waypoint"),
                answer.text());
    }

    @Test
    void theWaypointDecidesMethodsAndPathsWithIstiosMatching() throws Exception {
        ReachAnswer post = ask("shop-web/web", "orders.shop-api", "80", "POST", "/orders/42");
        assertEquals(ReachAnswer.Verdict.DENIED, post.verdict(), post.text());
        Leg leg = post.legs().get(0);
        assertEquals("L7", leg.deciding().orElseThrow().layer());
        assertTrue(leg.deciding().orElseThrow().change().orElseThrow().contains("method POST is not in [GET]"),
                post.text());
        ReachAnswer otherPath = ask("shop-web/web", "orders.shop-api", "80", "GET", "/admin");
        assertEquals(ReachAnswer.Verdict.DENIED, otherPath.verdict(), otherPath.text());
        assertTrue(otherPath.text().contains("path /admin is not in [/orders/*]"), otherPath.text());
    }

    @Test
    void withoutARequestTheAnswerSaysWhichRequestsPass() throws Exception {
        ReachAnswer answer = ask("shop-web/web", "service:shop-api/orders", "80");
        assertEquals(ReachAnswer.Verdict.CONDITIONAL, answer.verdict(), answer.text());
        assertTrue(answer.text().contains("method in [GET] and path in [/orders/*]"), answer.text());
        assertEquals(0, answer.verdict().exitCode());
    }

    @Test
    void aRuleWithRequestPrincipalsNeedsAValidJwt() throws Exception {
        ReachAnswer answer = ask("shop-web", "orders.shop-api", "80", "DELETE", "/orders/1");
        assertEquals(ReachAnswer.Verdict.CONDITIONAL, answer.verdict(), answer.text());
        assertTrue(answer.text().contains("the request carries a valid JWT (requestPrincipals "
                + "[https://issuer.example.com/*])"), answer.text());
    }

    @Test
    void addressingThePodSkipsTheServicesWaypoint() throws Exception {
        ReachAnswer answer = ask("shop-web/web", "workload:shop-api/orders", "8080", "POST", "/admin");
        assertEquals(ReachAnswer.Verdict.ALLOWED, answer.verdict(), answer.text());
        assertTrue(answer.legs().get(0).decisions().stream().noneMatch(d -> d.layer().equals("L7")), answer.text());
        assertTrue(answer.text().contains("ztunnel at shop-api"), answer.text());
    }

    @Test
    void anL7PolicyBoundBySelectorMakesTheZtunnelDenyEverythingItSelects() throws Exception {
        ReachAnswer answer = ask("billing", "billing/ledger", "8080");
        assertEquals(ReachAnswer.Verdict.DENIED, answer.verdict(), answer.text());
        Decision deciding = answer.legs().get(0).deciding().orElseThrow();
        assertEquals("L4", deciding.layer());
        assertTrue(deciding.reason().contains("billing/ledger-l7 has L7 fields"), deciding.reason());
        assertTrue(deciding.change().orElseThrow().contains("bind billing/ledger-l7 to a waypoint"), answer.text());
        // the rest of the namespace is not selected, and is reached as before
        assertEquals(ReachAnswer.Verdict.ALLOWED, ask("billing", "billing", "8080").verdict());
    }

    @Test
    void aHostNetworkWorkloadIsTheNode() throws Exception {
        ReachAnswer answer = ask("shop-web/node-agent", "billing", "8080");
        assertEquals(ReachAnswer.Verdict.ALLOWED, answer.verdict(), answer.text());
        assertTrue(answer.text().contains("always admits traffic from the pod's own node"), answer.text());
    }

    @Test
    void aProjectIsARepresentativePodOfEachOfItsNamespaces() throws Exception {
        ReachAnswer answer = ask("shop", "kube-system/k8s-app=kube-dns", "53/UDP");
        assertEquals(List.of("shop-web", "shop-api"), answer.legs().stream().map(l -> l.from().name()).toList());
        assertEquals(ReachAnswer.Verdict.ALLOWED, answer.verdict());
        ReachAnswer partial = ask("shop", "workload:shop-api/orders", "8080");
        assertEquals(ReachAnswer.Verdict.ALLOWED, partial.verdict(), partial.text());
    }

    @Test
    void unknownWorkloadsAndHostsAsSourcesAreQuestionsNotAnswers() {
        var unknown = assertThrows(ReachQuestion.BadQuestion.class, () -> ask("shop-api/order", "billing", "80"));
        assertTrue(unknown.getMessage().contains("it has: Service shop-api/orders, Deployment shop-api/orders"),
                unknown.getMessage());
        var host = assertThrows(ReachQuestion.BadQuestion.class, () -> ask("api.stripe.com", "billing", "80"));
        assertTrue(host.getMessage().contains("can only be a destination"), host.getMessage());
        assertEquals(Protocol.TCP, Protocol.valueOf("TCP"));
    }
}
