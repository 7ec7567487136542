package dev.bulkhead.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code reach} over the dev stack's apps as the App component renders them: storefront calls orders through the
 * namespace's waypoint (GET and POST on {@code /orders} and {@code /orders/*}, a valid end-user JWT on
 * {@code /orders/*}); catalog admits only storefront and orders. Identities come from the pod templates; the
 * waypoint enforces the L7 rules for traffic addressed to the Service, and the pods admit nothing but the waypoint.
 * {@link AppFixture} adds what the stack does not show: an L7 policy bound by selector and a host-network pod.
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

    private static Decision deciding(ReachAnswer answer) {
        return answer.legs().get(0).deciding().orElseThrow(() -> new AssertionError(answer.text()));
    }

    @Test
    void aCallerIsAdmittedAtTheWaypointByItsOwnIdentityAndThePodSeesTheWaypoints() throws Exception {
        ReachAnswer answer = ask("shop-web/storefront", "orders.shop-api", "8080", "GET", "/orders");
        assertEquals(ReachAnswer.Verdict.ALLOWED, answer.verdict(), answer.text());
        assertTrue(answer.text().contains("app-orders-l7 rule 0 admits cluster.local/ns/shop-web/sa/storefront"),
                answer.text());
        assertTrue(answer.text().contains("admits cluster.local/ns/shop-api/sa/waypoint on port 8080"), answer.text());
    }

    @Test
    void theWaypointDecidesMethodsAndPathsWithIstiosMatching() throws Exception {
        ReachAnswer delete = ask("shop-web/storefront", "orders.shop-api", "8080", "DELETE", "/orders/7");
        assertEquals(ReachAnswer.Verdict.DENIED, delete.verdict(), delete.text());
        assertEquals("L7", deciding(delete).layer());
        assertTrue(deciding(delete).change().orElseThrow().contains("method DELETE is not in [GET, POST]"),
                delete.text());
        ReachAnswer otherPath = ask("shop-web/storefront", "orders.shop-api", "8080", "GET", "/admin");
        assertEquals(ReachAnswer.Verdict.DENIED, otherPath.verdict(), otherPath.text());
        assertTrue(otherPath.text().contains("path /admin is not in [/orders, /orders/*]"), otherPath.text());
    }

    @Test
    void withoutARequestTheAnswerSaysWhichRequestsPass() throws Exception {
        ReachAnswer answer = ask("shop-web/storefront", "service:shop-api/orders", "8080");
        assertEquals(ReachAnswer.Verdict.CONDITIONAL, answer.verdict(), answer.text());
        assertTrue(answer.text().contains("method in [GET, POST] and path in [/orders, /orders/*]"), answer.text());
        assertEquals(0, answer.verdict().exitCode());
    }

    @Test
    void pathsUnderTheJwtRuleNeedAValidEndUserToken() throws Exception {
        ReachAnswer answer = ask("shop-web/storefront", "orders.shop-api", "8080", "GET", "/orders/7");
        assertEquals(ReachAnswer.Verdict.CONDITIONAL, answer.verdict(), answer.text());
        assertTrue(answer.text().contains("app-orders-jwt rule 0 denies when the request carries no valid JWT"),
                answer.text());
    }

    @Test
    void anAppThatIsNotACallerIsDeniedAtTheNetworkAndAtL4() throws Exception {
        // orders admits only storefront: catalog, in the same namespace, is refused at the waypoint's door
        ReachAnswer viaService = ask("shop-api/catalog", "orders.shop-api", "8080", "GET", "/orders");
        assertEquals(ReachAnswer.Verdict.DENIED, viaService.verdict(), viaService.text());
        assertEquals("network", deciding(viaService).layer());
        // catalog admits storefront and orders, not the namespace's other pods
        ReachAnswer direct = ask("shop-web", "workload:shop-api/catalog", "8080");
        assertEquals(ReachAnswer.Verdict.DENIED, direct.verdict(), direct.text());
        List<Decision> decisions = direct.legs().get(0).decisions();
        assertTrue(decisions.stream().anyMatch(d -> d.layer().equals("network") && !d.passes()), direct.text());
        assertTrue(decisions.stream().anyMatch(d -> d.layer().equals("L4") && !d.passes()
                && d.reason().contains("app-catalog-callers")), direct.text());
        assertEquals(ReachAnswer.Verdict.ALLOWED, ask("shop-api/orders", "workload:shop-api/catalog", "8080").verdict());
    }

    @Test
    void addressingThePodCannotGoAroundTheWaypoint() throws Exception {
        ReachAnswer answer = ask("shop-web/storefront", "workload:shop-api/orders", "8080", "POST", "/admin");
        assertEquals(ReachAnswer.Verdict.DENIED, answer.verdict(), answer.text());
        assertTrue(answer.legs().get(0).decisions().stream().noneMatch(d -> d.layer().equals("L7")), answer.text());
        assertTrue(answer.text().contains("ztunnel at shop-api"), answer.text());
    }

    @Test
    void anL7PolicyBoundBySelectorMakesTheZtunnelDenyEverythingItSelects() throws Exception {
        ReachAnswer answer = ask("billing", "billing/ledger", "8080");
        assertEquals(ReachAnswer.Verdict.DENIED, answer.verdict(), answer.text());
        Decision deciding = deciding(answer);
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
        // a namespace's representative pod runs as default, which no narrowed app admits
        assertFalse(ask("shop", "workload:shop-api/catalog", "8080").verdict().exitCode() == 0);
    }

    @Test
    void anAppIsNamedByItsProjectOrByItsAppLabel() throws Exception {
        ReachAnswer byProject = ask("shop/storefront", "shop/orders", "8080", "GET", "/orders");
        assertEquals(ReachAnswer.Verdict.ALLOWED, byProject.verdict(), byProject.text());
        assertEquals("shop-web/storefront", byProject.legs().get(0).from().name());
        ReachAnswer byLabel = ask("shop-web/app=storefront", "shop-api/app=orders", "8080");
        // the app's pods, with their own identity: addressed to the pod, orders admits only its waypoint
        assertTrue(byLabel.text().contains("cluster.local/ns/shop-web/sa/storefront"), byLabel.text());
        assertEquals(ReachAnswer.Verdict.DENIED, byLabel.verdict(), byLabel.text());
        var missing = assertThrows(ReachQuestion.BadQuestion.class, () -> ask("shop/nothing", "billing", "80"));
        assertTrue(missing.getMessage().contains("project shop has no Service or workload nothing"),
                missing.getMessage());
    }

    @Test
    void unknownWorkloadsAndHostsAsSourcesAreQuestionsNotAnswers() {
        var unknown = assertThrows(ReachQuestion.BadQuestion.class, () -> ask("shop-api/order", "billing", "80"));
        assertTrue(unknown.getMessage().contains("it has: Service shop-api/catalog, Service shop-api/orders"),
                unknown.getMessage());
        var host = assertThrows(ReachQuestion.BadQuestion.class, () -> ask("api.stripe.com", "billing", "80"));
        assertTrue(host.getMessage().contains("can only be a destination"), host.getMessage());
    }
}
