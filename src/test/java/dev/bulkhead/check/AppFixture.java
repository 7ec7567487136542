package dev.bulkhead.check;

import static dev.bulkhead.check.MutatedRender.json;

/**
 * Workloads as an App component renders them, written by hand into a copy of the dev render: per app a
 * ServiceAccount, a Deployment whose pod template carries {@code app.kubernetes.io/name} and runs as the app's
 * ServiceAccount, a ClusterIP Service, AuthorizationPolicies bound by {@code targetRefs} to the Service (L7, through
 * the namespace's waypoint) or by {@code selector} (L4, at the ztunnel), and a waypoint for the namespace whose
 * app has L7 rules.
 * <ul>
 *   <li>{@code shop-web/web}: a Deployment running as {@code web};</li>
 *   <li>{@code shop-api/orders}: Service port 80 to 8080, through the waypoint {@code shop-api/waypoint}; GET on
 *   {@code /orders/*} for {@code web}, anything for {@code shop-web}'s default identity with a valid JWT;</li>
 *   <li>{@code billing/ledger}: an L7 policy bound by selector, which a ztunnel cannot enforce;</li>
 *   <li>{@code shop-web/node-agent}: a DaemonSet on the host network.</li>
 * </ul>
 */
final class AppFixture {

    static final String TD = "cluster.local";

    private AppFixture() {
    }

    static void addTo(MutatedRender render) {
        deployment(render, "shop-web", "web", false);
        deployment(render, "shop-api", "orders", false);
        deployment(render, "billing", "ledger", false);
        render.add("kubernetes:apps/v1:DaemonSet", "node-agent", json("""
                {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "node-agent",
                 "namespace": "shop-web"}, "spec": {"selector": {"matchLabels": {"app.kubernetes.io/name":
                 "node-agent"}}, "template": {"metadata": {"labels": {"app.kubernetes.io/name": "node-agent"}},
                 "spec": {"hostNetwork": true, "containers": [{"name": "agent", "image": "agent"}]}}}}"""));
        render.add("kubernetes:core/v1:Service", "shop-api-orders", json("""
                {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "orders", "namespace": "shop-api",
                 "labels": {"istio.io/use-waypoint": "waypoint"}}, "spec": {"type": "ClusterIP",
                 "selector": {"app.kubernetes.io/name": "orders"},
                 "ports": [{"name": "http", "port": 80, "targetPort": 8080, "protocol": "TCP"}]}}"""));
        render.add("kubernetes:gateway.networking.k8s.io/v1:Gateway", "shop-api-waypoint", json("""
                {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway", "metadata": {"name": "waypoint",
                 "namespace": "shop-api", "labels": {"istio.io/waypoint-for": "service"}},
                 "spec": {"gatewayClassName": "istio-waypoint",
                 "listeners": [{"name": "mesh", "port": 15008, "protocol": "HBONE"}]}}"""));
        render.add("kubernetes:security.istio.io/v1:AuthorizationPolicy", "shop-api-orders-l7", json("""
                {"apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy", "metadata": {"name":
                 "orders-l7", "namespace": "shop-api"}, "spec": {"action": "ALLOW",
                 "targetRefs": [{"group": "", "kind": "Service", "name": "orders"}],
                 "rules": [
                  {"from": [{"source": {"principals": ["%1$s/ns/shop-web/sa/web"]}}],
                   "to": [{"operation": {"methods": ["GET"], "paths": ["/orders/*"]}}]},
                  {"from": [{"source": {"principals": ["%1$s/ns/shop-web/sa/default"],
                   "requestPrincipals": ["https://issuer.example.com/*"]}}]}]}}""".formatted(TD)));
        render.add("kubernetes:security.istio.io/v1:AuthorizationPolicy", "shop-api-orders-from-waypoint", json("""
                {"apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy", "metadata": {"name":
                 "orders-from-waypoint", "namespace": "shop-api"}, "spec": {"action": "ALLOW",
                 "selector": {"matchLabels": {"app.kubernetes.io/name": "orders"}},
                 "rules": [{"from": [{"source": {"principals": ["%s/ns/shop-api/sa/waypoint"]}}]}]}}"""
                .formatted(TD)));
        render.add("kubernetes:security.istio.io/v1:AuthorizationPolicy", "billing-ledger-l7", json("""
                {"apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy", "metadata": {"name":
                 "ledger-l7", "namespace": "billing"}, "spec": {"action": "ALLOW",
                 "selector": {"matchLabels": {"app.kubernetes.io/name": "ledger"}},
                 "rules": [{"to": [{"operation": {"methods": ["POST"]}}]}]}}"""));
    }

    private static void deployment(MutatedRender render, String namespace, String app, boolean hostNetwork) {
        render.add("kubernetes:core/v1:ServiceAccount", namespace + "-" + app + "-sa", json("""
                {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "%s", "namespace": "%s"},
                 "automountServiceAccountToken": false}""".formatted(app, namespace)));
        render.add("kubernetes:apps/v1:Deployment", namespace + "-" + app, json("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "%1$s", "namespace": "%2$s"},
                 "spec": {"selector": {"matchLabels": {"app.kubernetes.io/name": "%1$s"}},
                 "template": {"metadata": {"labels": {"app.kubernetes.io/name": "%1$s",
                  "bulkhead.dev/project": "%3$s"}},
                  "spec": {"serviceAccountName": "%1$s", "hostNetwork": %4$s,
                   "containers": [{"name": "%1$s", "image": "%1$s", "ports": [{"containerPort": 8080}]}]}}}}"""
                .formatted(app, namespace, namespace.startsWith("shop") ? "shop" : namespace, hostNetwork)));
    }
}
