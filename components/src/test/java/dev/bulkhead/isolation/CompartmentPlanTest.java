package dev.bulkhead.isolation;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.ProjectSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.isolation.Fixtures.PLATFORM;
import static dev.bulkhead.isolation.Fixtures.shopWeb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole compartment of one namespace: what it holds, in which order, and what it never holds. */
class CompartmentPlanTest {

    @Test
    void theGuardsCloseTheNamespaceAndEverythingElseFollows() {
        CompartmentPlan plan = CompartmentPlan.of(shopWeb());
        assertEquals("Namespace/shop-web", plan.namespace().id());
        assertEquals(List.of(
                "shop-web/NetworkPolicy/default-deny",
                "shop-web/PeerAuthentication/strict-mtls",
                "shop-web/AuthorizationPolicy/allow-nothing"), ids(plan.guards()));
        assertEquals(List.of(
                "shop-web/ServiceAccount/default",
                "shop-web/ResourceQuota/compartment-quota",
                "shop-web/LimitRange/container-defaults",
                "shop-web/NetworkPolicy/allow-same-project",
                "shop-web/NetworkPolicy/allow-dns",
                "shop-web/NetworkPolicy/allow-ambient",
                "shop-web/NetworkPolicy/allow-istiod",
                "shop-web/NetworkPolicy/allow-monitoring",
                "shop-web/AuthorizationPolicy/allow-same-project"), ids(plan.contents()));
        assertEquals(13, plan.all().size());
        assertEquals(plan.namespace(), plan.all().get(0));
    }

    @Test
    void thePerimeterIsThePlatformsAndOnlyTheDefaultAccountIsTheProjects() {
        CompartmentPlan plan = CompartmentPlan.of(shopWeb());
        assertEquals(List.of("shop-web/ServiceAccount/default"), ids(plan.projectContents()));
        // the platform applies the same patch, so the account is token-less before the project stack first runs
        assertEquals(ids(plan.contents()), ids(plan.platformContents()));
        for (Manifest m : plan.contents()) {
            assertEquals(!m.kind().equals("ServiceAccount"), plan.platformOwned(m), m.id());
        }
        Manifest namespace = plan.namespace().withLabels(Map.of("bulkhead.dev/role", "gateway"));
        CompartmentPlan gateway = new CompartmentPlan(namespace, plan.guards(), plan.contents());
        assertEquals(List.of(), gateway.projectContents(), "nothing of a gateway namespace is the project's");
    }

    @Test
    void thePlanIsTheSameSizeAndShapeHoweverManyNamespacesAndProjectsThereAre() {
        List<String> small = names(Fixtures.project("shop", List.of("shop-web"), List.of(15020)), "shop-web");
        List<String> namespaces = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            namespaces.add("shop-" + i);
        }
        namespaces.add("shop-web");
        List<String> large = names(Fixtures.project("shop", namespaces, List.of(15020, 9090, 9100)), "shop-web");
        assertEquals(small, large);
    }

    @Test
    void namespaceSelectorsNeverNameNamespacesOfTheProject() {
        var namespaces = List.of("shop-web", "shop-api", "shop-db");
        for (Manifest m : CompartmentPlan.of(Compartment.of(
                Fixtures.project("shop", namespaces, List.of(15020)), PLATFORM, "shop-web")).all()) {
            if (m.kind().equals("NetworkPolicy")) {
                for (String s : Invariants.strings(m.spec())) {
                    assertTrue(!s.equals("shop-api") && !s.equals("shop-db"), m.id() + " names " + s);
                }
            }
        }
    }

    @Test
    void nothingSelectsEveryNamespaceOrTheInternetOrUsesHttpFields() {
        for (Manifest m : CompartmentPlan.of(shopWeb()).all()) {
            assertEquals(List.of(), Invariants.everyNamespaceSelectors(m.toMap()), m.id());
            assertEquals(List.of(), Invariants.internetBlocks(m.toMap()), m.id());
            assertEquals(List.of(), Invariants.l7Fields(m.toMap()), m.id());
        }
    }

    @Test
    void everyObjectSaysWhoMadeItAndLivesInTheNamespace() {
        for (Manifest m : CompartmentPlan.of(shopWeb()).all()) {
            assertEquals("bulkhead", m.labels().get("app.kubernetes.io/managed-by"), m.id());
            assertEquals("isolation", m.labels().get("bulkhead.dev/component"), m.id());
            assertEquals("shop", m.labels().get("bulkhead.dev/project"), m.id());
            if (!m.kind().equals("Namespace")) {
                assertEquals("shop-web", m.namespace(), m.id());
            }
        }
    }

    @Test
    void moreContentsComeAfterTheGuardsAndMustBeInTheNamespace() {
        CompartmentPlan plan = CompartmentPlan.of(shopWeb());
        Manifest extra = NetworkPolicyParts.policy(shopWeb(), "allow-extra",
                Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress")));
        CompartmentPlan more = plan.withContents(List.of(extra));
        assertEquals(plan.guards(), more.guards());
        assertEquals(extra, more.contents().get(more.contents().size() - 1));

        Manifest elsewhere = NetworkPolicyParts.policy(Compartment.of(Fixtures.shop(), PLATFORM, "shop-api"),
                "allow-extra", Map.of("podSelector", Map.of()));
        var e = assertThrows(IllegalArgumentException.class, () -> plan.withContents(List.of(elsewhere)));
        assertEquals("shop-api/NetworkPolicy/allow-extra is not in namespace shop-web", e.getMessage());
    }

    @Test
    void metricsPortsOutOfRangeAreRefused() {
        var spec = Fixtures.project("shop", List.of("shop-web"), List.of(0));
        var e = assertThrows(IllegalArgumentException.class, () -> Compartment.of(spec, PLATFORM, "shop-web"));
        assertEquals("shop-web: metrics port out of range: 0", e.getMessage());
    }

    private static List<String> names(ProjectSpec spec, String namespace) {
        return ids(CompartmentPlan.of(Compartment.of(spec, PLATFORM, namespace)).all());
    }

    private static List<String> ids(List<Manifest> manifests) {
        return manifests.stream().map(Manifest::id).toList();
    }
}
