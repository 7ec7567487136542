package dev.bulkhead.egress;

import dev.bulkhead.isolation.CompartmentPlan;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.EgressRule;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.QuotaSpec;
import dev.bulkhead.model.SharedEgressSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EgressWaypointPlanTest {

    private static final ProjectSpec SHOP = project("shop", List.of("shop-web", "shop-api"),
            List.of(new EgressRule.Host("api.stripe.com", 443, false),
                    new EgressRule.Host("legacy.example.com", 8443, true),
                    new EgressRule.Cidr("116.203.255.68/32", 443, false)));
    private static final ProjectSpec DATA = project("data", List.of("data"),
            List.of(new EgressRule.Host("*.googleapis.com", 443, false),
                    new EgressRule.Host("api.stripe.com", 443, false)));
    private static final ProjectSpec QUIET = project("quiet", List.of("quiet"), List.of());

    static ProjectSpec project(String name, List<String> namespaces, List<EgressRule> egress) {
        return new ProjectSpec(name, namespaces, List.of(), Optional.empty(), List.of(), egress, QuotaSpec.defaults(),
                List.of());
    }

    private static CompartmentPlan plan(SharedEgressSpec shared) {
        List<ProjectSpec> projects = List.of(SHOP, DATA, QUIET);
        return EgressWaypointPlan.of(new EgressWaypointPlan.Inputs("cluster.local",
                EgressDestinations.hosts(projects, shared, "eu-west-1"), projects, "10.40.0.0/16", "172.20.0.0/16",
                !shared.awsServices().isEmpty()));
    }

    private static Manifest find(CompartmentPlan plan, String kind, String name) {
        return plan.all().stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + "/" + name + " not in " + plan.all()));
    }

    @Test
    void theNamespaceIsClosedBeforeAnythingIsPlacedInIt() {
        CompartmentPlan plan = plan(SharedEgressSpec.none());
        assertEquals("bulkhead-egress", plan.namespace().name());
        assertEquals("egress", plan.namespace().labels().get("bulkhead.dev/role"));
        assertEquals(List.of("NetworkPolicy/default-deny", "PeerAuthentication/strict-mtls",
                        "AuthorizationPolicy/allow-nothing"),
                plan.guards().stream().map(m -> m.kind() + "/" + m.name()).toList());
    }

    @Test
    void exactHostsResolveByDnsAndWildcardsPerConnection() {
        CompartmentPlan plan = plan(SharedEgressSpec.none());
        assertEquals("DNS", find(plan, "ServiceEntry", "api-stripe-com").spec().get("resolution"));
        Manifest wildcard = find(plan, "ServiceEntry", EgressWaypointPlan.slug("*.googleapis.com"));
        assertEquals("DYNAMIC_DNS", wildcard.spec().get("resolution"));
        assertEquals("MESH_EXTERNAL", wildcard.spec().get("location"));
        assertEquals("egress-waypoint", wildcard.labels().get("istio.io/use-waypoint"));
    }

    @Test
    void tlsOriginationTakesPlainHttpOnPort80AndOpensTlsUpstream() {
        CompartmentPlan plan = plan(SharedEgressSpec.none());
        Manifest entry = find(plan, "ServiceEntry", "legacy-example-com");
        assertEquals(List.of(Map.of("number", 80, "name", "http-8443", "protocol", "HTTP", "targetPort", 8443)),
                entry.spec().get("ports"));
        Manifest rule = find(plan, "DestinationRule", "tls-legacy-example-com");
        assertEquals(Map.of("portLevelSettings", List.of(Map.of("port", Map.of("number", 80),
                "tls", Map.of("mode", "SIMPLE", "sni", "legacy.example.com")))), rule.spec().get("trafficPolicy"));
    }

    @Test
    void aSharedHostIsAdmittedForTheProjectsListingItAndNoOther() {
        Manifest stripe = find(plan(SharedEgressSpec.none()), "AuthorizationPolicy", "allow-api-stripe-com");
        assertEquals("ALLOW", stripe.spec().get("action"));
        assertEquals(List.of(Map.of(
                        "from", List.of(Map.of("source", Map.of("principals", List.of(
                                "cluster.local/ns/data/sa/*",
                                "cluster.local/ns/shop-api/sa/*", "cluster.local/ns/shop-web/sa/*")))),
                        "to", List.of(Map.of("operation", Map.of("ports", List.of("443")))))),
                stripe.spec().get("rules"));
        assertEquals(List.of(Map.of("group", "networking.istio.io", "kind", "ServiceEntry", "name", "api-stripe-com")),
                stripe.spec().get("targetRefs"));
    }

    @Test
    void platformHostsAndAwsServicesAreAdmittedForEveryProject() {
        CompartmentPlan plan = plan(new SharedEgressSpec(List.of(new EgressRule.Host("oidc.example.com", 443, false)),
                List.of("sts", "s3")));
        for (String name : List.of("oidc.example.com", "sts.eu-west-1.amazonaws.com", "s3.eu-west-1.amazonaws.com",
                "*.s3.eu-west-1.amazonaws.com").stream().map(h -> "allow-" + EgressWaypointPlan.slug(h)).toList()) {
            String rules = find(plan, "AuthorizationPolicy", name).spec().get("rules").toString();
            for (String ns : List.of("shop-web", "shop-api", "data", "quiet")) {
                assertTrue(rules.contains("/ns/" + ns + "/sa/*"), name + " misses " + ns);
            }
        }
        // the interface endpoints are in the VPC: the waypoint may reach it on 443 and nothing else
        List<?> egress = (List<?>) find(plan, "NetworkPolicy", "allow-out").spec().get("egress");
        assertEquals(Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "10.40.0.0/16"))),
                "ports", List.of(Map.of("protocol", "TCP", "port", 443))), egress.get(1));
    }

    @Test
    void theWaypointLeavesOnlyOnTheEntriesPortsAndNeverIntoTheCluster() {
        Manifest out = find(plan(SharedEgressSpec.none()), "NetworkPolicy", "allow-out");
        assertEquals(List.of(Map.of(
                "to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0",
                        "except", List.of("10.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "172.16.0.0/12",
                                "192.168.0.0/16")))),
                "ports", List.of(Map.of("protocol", "TCP", "port", 443), Map.of("protocol", "TCP", "port", 8443)))),
                out.spec().get("egress"));
    }

    @Test
    void clusterRangesOutsideThePrivateOnesAreCutOutToo() {
        assertEquals(List.of("10.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
                "198.18.0.0/16"), NeverOutside.ranges(List.of("10.40.0.0/16", "198.18.0.0/16", "172.20.0.0/16")));
        assertTrue(NeverOutside.contains("10.0.0.0/8", "10.40.0.0/16"));
        assertFalse(NeverOutside.contains("10.40.0.0/16", "10.0.0.0/8"));
        assertFalse(NeverOutside.contains("172.16.0.0/12", "172.32.0.0/16"));
    }

    @Test
    void onlyProjectsThatUseTheWaypointMayConnectToIt() {
        Manifest in = find(plan(SharedEgressSpec.none()), "NetworkPolicy", "allow-from-projects");
        assertEquals(List.of(Map.of(
                "from", List.of(Map.of("namespaceSelector", Map.of("matchExpressions", List.of(Map.of(
                        "key", "bulkhead.dev/project", "operator", "In", "values", List.of("data", "shop")))))),
                "ports", List.of(Map.of("protocol", "TCP", "port", 15008)))), in.spec().get("ingress"));
    }

    @Test
    void aWaypointWithoutHostsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EgressWaypointPlan.of(new EgressWaypointPlan.Inputs(
                "cluster.local", List.of(), List.of(QUIET), "10.40.0.0/16", "172.20.0.0/16", false)));
    }
}
