package dev.bulkhead.check;

import static dev.bulkhead.check.MutatedRender.json;

/**
 * What the dev stack's apps do not show, written by hand into a copy of the dev render:
 * <ul>
 *   <li>{@code billing/ledger}: a Deployment running as {@code ledger} with an L7 policy bound by selector, which a
 *   ztunnel cannot enforce;</li>
 *   <li>{@code shop-web/node-agent}: a DaemonSet on the host network.</li>
 * </ul>
 */
final class AppFixture {

    private AppFixture() {
    }

    static void addTo(MutatedRender render) {
        render.add("kubernetes:core/v1:ServiceAccount", "billing-ledger-sa", json("""
                {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "ledger", "namespace": "billing"},
                 "automountServiceAccountToken": false}"""));
        render.add("kubernetes:apps/v1:Deployment", "billing-ledger", json("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "ledger", "namespace": "billing"},
                 "spec": {"selector": {"matchLabels": {"app.kubernetes.io/name": "ledger"}},
                 "template": {"metadata": {"labels": {"app.kubernetes.io/name": "ledger",
                  "bulkhead.dev/project": "billing"}},
                  "spec": {"serviceAccountName": "ledger",
                   "containers": [{"name": "ledger", "image": "ledger", "ports": [{"containerPort": 8080}]}]}}}}"""));
        render.add("kubernetes:security.istio.io/v1:AuthorizationPolicy", "billing-ledger-l7", json("""
                {"apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy", "metadata": {"name":
                 "ledger-l7", "namespace": "billing"}, "spec": {"action": "ALLOW",
                 "selector": {"matchLabels": {"app.kubernetes.io/name": "ledger"}},
                 "rules": [{"to": [{"operation": {"methods": ["POST"]}}]}]}}"""));
        render.add("kubernetes:apps/v1:DaemonSet", "node-agent", json("""
                {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "node-agent",
                 "namespace": "shop-web"}, "spec": {"selector": {"matchLabels": {"app.kubernetes.io/name":
                 "node-agent"}}, "template": {"metadata": {"labels": {"app.kubernetes.io/name": "node-agent"}},
                 "spec": {"hostNetwork": true, "containers": [{"name": "agent", "image": "agent"}]}}}}"""));
    }
}
