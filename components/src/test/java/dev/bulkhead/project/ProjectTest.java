package dev.bulkhead.project;

import com.pulumi.test.PulumiTest;
import dev.bulkhead.isolation.Fixtures;
import dev.bulkhead.isolation.Invariants;
import dev.bulkhead.isolation.NamespaceCompartment;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mock.RecordedResource;
import dev.bulkhead.model.ProjectSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static dev.bulkhead.isolation.Fixtures.PLATFORM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Project component under the mock engine: what reaches the engine, in which order, under which parent. */
class ProjectTest {

    private static final String NAMESPACE = "kubernetes:core/v1:Namespace";
    private static final String NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    private static final String PEER_AUTHENTICATION = "kubernetes:security.istio.io/v1:PeerAuthentication";
    private static final String AUTHORIZATION_POLICY = "kubernetes:security.istio.io/v1:AuthorizationPolicy";
    private static final String SA_PATCH = "kubernetes:core/v1:ServiceAccountPatch";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static MockRun twoProjects(AtomicReference<Project> shop) {
        return MockRun.of(provider -> {
            for (ProjectSpec spec : List.of(Fixtures.shop(), Fixtures.billing())) {
                var project = new Project("project-" + spec.name(), ProjectArgs.builder()
                        .stack("dev").spec(spec).platform(PLATFORM)
                        .allProjects(List.of(Fixtures.shop(), Fixtures.billing()))
                        .provider(provider).build(), null);
                if (spec.name().equals("shop")) {
                    shop.set(project);
                }
            }
        });
    }

    @Test
    void everyGeneratedObjectReachesTheEngineExactly() {
        var shop = new AtomicReference<Project>();
        MockRun run = twoProjects(shop);
        List<Manifest> manifests = Project.manifests(Fixtures.shop(), PLATFORM);
        assertEquals(manifests, shop.get().manifests());
        assertEquals(28, manifests.size());
        for (NamespaceCompartment compartment : shop.get().compartments()) {
            for (Manifest m : compartment.plan().all()) {
                String group = m.apiVersion().equals("v1") ? "core/v1" : m.apiVersion();
                String type = "kubernetes:" + group + ":" + m.kind() + (m.patch() ? "Patch" : "");
                RecordedResource recorded = run.find(type,
                        NamespaceCompartment.logicalName(compartment.pulumiResourceName(), m));
                assertEquals(MockRun.asEngineSees(m.toMap()), recorded.inputs(), m.id());
            }
        }
    }

    @Test
    void everyProjectNamespaceIsLabelledMeshedStrictBaselinedAndTokenless() {
        MockRun run = twoProjects(new AtomicReference<>());
        for (String ns : List.of("shop-web", "shop-api", "billing-ledger")) {
            String project = ns.substring(0, ns.indexOf('-'));
            String prefix = "project-" + project + "-" + ns;

            Map<String, Object> labels = labels(run.find(NAMESPACE, prefix + "-namespace-" + ns));
            assertEquals(project, labels.get("bulkhead.dev/project"), ns);
            assertEquals("ambient", labels.get("istio.io/dataplane-mode"), ns);
            for (String mode : List.of("enforce", "audit", "warn")) {
                assertEquals("restricted", labels.get("pod-security.kubernetes.io/" + mode), ns);
                assertEquals("v1.31", labels.get("pod-security.kubernetes.io/" + mode + "-version"), ns);
            }

            var pa = run.find(PEER_AUTHENTICATION, prefix + "-peerauthentication-strict-mtls");
            assertEquals(ns, metadata(pa).get("namespace"));
            assertEquals(Map.of("mtls", Map.of("mode", "STRICT")), pa.inputs().get("spec"));

            var baseline = run.find(AUTHORIZATION_POLICY, prefix + "-authorizationpolicy-allow-nothing");
            assertEquals(ns, metadata(baseline).get("namespace"));
            assertEquals(Map.of(), baseline.inputs().get("spec"));

            var account = run.find(SA_PATCH, prefix + "-serviceaccount-default");
            assertEquals("default", metadata(account).get("name"));
            assertEquals(ns, metadata(account).get("namespace"));
            assertEquals(false, account.inputs().get("automountServiceAccountToken"));
        }
        assertEquals(3, run.ofType(NAMESPACE).size());
        assertEquals(3, run.ofType(PEER_AUTHENTICATION).size());
        assertEquals(3, run.ofType(SA_PATCH).size());
        assertTrue(run.ofType("kubernetes:core/v1:ServiceAccount").isEmpty());
        assertTrue(run.ofType("kubernetes:rbac.authorization.k8s.io/v1:Role").isEmpty());
        // one RoleBinding per namespace: the project's developers' group to the developer role, nothing for apps
        var bindings = run.ofType("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding");
        assertEquals(3, bindings.size());
        for (RecordedResource binding : bindings) {
            String ns = (String) metadata(binding).get("namespace");
            String project = ns.substring(0, ns.indexOf('-'));
            assertEquals(Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole",
                    "name", "bulkhead-developer"), binding.inputs().get("roleRef"), ns);
            assertEquals(List.of(Map.of("kind", "Group", "apiGroup", "rbac.authorization.k8s.io",
                    "name", "bulkhead:" + project + ":developers")), binding.inputs().get("subjects"), ns);
        }
    }

    @Test
    void withTheOperatorThePlatformSealsTheNamespaceAndTheProjectAddsOnlyItsOwn() {
        MockRun platform = MockRun.of(provider -> new Project("project-shop", ProjectArgs.builder()
                .stack("dev").spec(Fixtures.shop()).platform(PLATFORM).provider(provider)
                .layer(dev.bulkhead.model.Layer.PLATFORM).build(), null));
        assertEquals(2, platform.ofType(NAMESPACE).size());
        assertEquals(12, platform.ofType(NETWORK_POLICY).size());
        assertEquals(2, platform.ofType("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding").size());
        assertEquals(2, platform.ofType(SA_PATCH).size(), "token-less from the first second");
        PulumiTest.cleanup();

        MockRun project = MockRun.of(provider -> new Project("project-shop", ProjectArgs.builder()
                .stack("dev").spec(Fixtures.shop()).platform(PLATFORM).provider(provider)
                .layer(dev.bulkhead.model.Layer.PROJECT).build(), null));
        // the namespaces are read (Namespace.get; the render lists no read), everything else is the project's own
        List<String> registered = project.registrations().stream().filter(r -> r.type().startsWith("kubernetes:"))
                .map(MockRun.Registration::type).distinct().toList();
        assertEquals(List.of(NAMESPACE, SA_PATCH), registered, "a project layer creates its own objects only");
        for (String ns : List.of("shop-web", "shop-api")) {
            var patch = project.registration(SA_PATCH, "project-shop-" + ns + "-serviceaccount-default");
            // the namespace is read, not created: the patch waits for it alone (the platform sealed it already)
            assertEquals(List.of("project-shop-" + ns + "-namespace-" + ns), patch.dependsOn(), ns);
        }
    }

    @Test
    void everyNamespaceHasTheSameSixNetworkPolicies() {
        MockRun run = twoProjects(new AtomicReference<>());
        Map<String, List<String>> byNamespace = run.ofType(NETWORK_POLICY).stream().collect(Collectors.groupingBy(
                r -> (String) metadata(r).get("namespace"),
                Collectors.mapping(r -> (String) metadata(r).get("name"), Collectors.toList())));
        var expected = List.of("allow-ambient", "allow-dns", "allow-istiod", "allow-monitoring",
                "allow-same-project", "default-deny");
        assertEquals(3, byNamespace.size());
        byNamespace.forEach((ns, names) -> assertEquals(expected, names.stream().sorted().toList(), ns));
    }

    @Test
    void guardsDependOnlyOnTheNamespaceAndEverythingElseOnAllGuards() {
        MockRun run = twoProjects(new AtomicReference<>());
        for (String ns : List.of("shop-web", "shop-api", "billing-ledger")) {
            String project = ns.substring(0, ns.indexOf('-'));
            String compartment = "project-" + project + "-" + ns;
            String namespace = compartment + "-namespace-" + ns;
            List<String> guards = List.of(
                    compartment + "-networkpolicy-default-deny",
                    compartment + "-peerauthentication-strict-mtls",
                    compartment + "-authorizationpolicy-allow-nothing");

            List<MockRun.Registration> children = run.registrations().stream()
                    .filter(r -> r.parent().filter(compartment::equals).isPresent()).toList();
            assertEquals(14, children.size(), ns);
            for (MockRun.Registration child : children) {
                assertEquals("k8s", child.provider().orElseThrow(), child.name());
                if (child.name().equals(namespace)) {
                    assertEquals(List.of(), child.dependsOn());
                } else if (guards.contains(child.name())) {
                    assertEquals(List.of(namespace), child.dependsOn(), child.name());
                } else {
                    assertEquals(guards, child.dependsOn(), child.name());
                }
            }
            assertEquals("project-" + project,
                    run.registration(NamespaceCompartment.TYPE, compartment).parent().orElseThrow());
        }
    }

    @Test
    void theCompartmentExposesItsGuardsForLaterResources() {
        var shop = new AtomicReference<Project>();
        twoProjects(shop);
        NamespaceCompartment web = shop.get().compartments().get(0);
        assertEquals("shop-web", web.namespaceName());
        assertEquals(List.of("project-shop-shop-web-networkpolicy-default-deny",
                        "project-shop-shop-web-peerauthentication-strict-mtls",
                        "project-shop-shop-web-authorizationpolicy-allow-nothing"),
                web.guards().stream().map(r -> r.pulumiResourceName()).toList());
        assertEquals(10, web.contents().size());
        assertEquals(List.of("shop-web", "shop-api"), shop.get().namespaces());
    }

    @Test
    void authorizationAdmitsTheProjectAndTheScraperAndNoOtherProject() {
        MockRun run = twoProjects(new AtomicReference<>());
        for (String ns : List.of("shop-web", "shop-api")) {
            var allow = run.find(AUTHORIZATION_POLICY, "project-shop-" + ns + "-authorizationpolicy-allow-same-project");
            assertEquals(Map.of(
                    "action", "ALLOW",
                    "rules", List.of(
                            Map.of("from", List.of(Map.of("source", Map.of("principals", List.of(
                                    "cluster.local/ns/shop-api/sa/*",
                                    "cluster.local/ns/shop-web/sa/*"))))),
                            Map.of("from", List.of(Map.of("source", Map.of("principals",
                                            List.of("cluster.local/ns/monitoring/sa/prometheus")))),
                                    "to", List.of(Map.of("operation", Map.of("ports", List.of("15020"))))))),
                    allow.inputs().get("spec"));
        }
        var ledger = run.find(AUTHORIZATION_POLICY, "project-billing-billing-ledger-authorizationpolicy-allow-same-project");
        assertEquals(List.of("cluster.local/ns/billing-ledger/sa/*"),
                principals(ledger).get(0));
        assertEquals(List.of("9090", "15020"), scrapePorts(ledger));

        for (RecordedResource r : run.mocks().recorded().values()) {
            if (r.name().startsWith("project-shop")) {
                for (String s : Invariants.strings(r.inputs())) {
                    assertFalse(s.contains("billing"), r.name() + " mentions " + s);
                }
            }
            if (r.name().startsWith("project-billing")) {
                for (String s : Invariants.strings(r.inputs())) {
                    assertFalse(s.contains("shop"), r.name() + " mentions " + s);
                }
            }
        }
    }

    @Test
    void nothingInTheStackSelectsEveryNamespaceOrTheInternetOrUsesHttpFields() {
        MockRun run = twoProjects(new AtomicReference<>());
        for (RecordedResource r : run.mocks().recorded().values()) {
            assertEquals(List.of(), Invariants.everyNamespaceSelectors(r.inputs()), r.name());
            assertEquals(List.of(), Invariants.internetBlocks(r.inputs()), r.name());
            assertEquals(List.of(), Invariants.l7Fields(r.inputs()), r.name());
            for (String s : Invariants.strings(r.inputs())) {
                assertFalse(s.contains("0.0.0.0"), r.name());
            }
        }
    }

    @Test
    void logicalNamesAreUniqueAcrossProjects() {
        MockRun run = twoProjects(new AtomicReference<>());
        List<String> names = new ArrayList<>();
        run.registrations().forEach(r -> names.add(r.type() + "::" + r.name()));
        assertEquals(names.size(), names.stream().distinct().count());
        assertTrue(names.size() > 26 + 13);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(RecordedResource r) {
        return (Map<String, Object>) r.inputs().get("metadata");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(RecordedResource r) {
        return (Map<String, Object>) metadata(r).get("labels");
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> principals(RecordedResource r) {
        var rules = (List<Map<String, Object>>) ((Map<String, Object>) r.inputs().get("spec")).get("rules");
        return rules.stream().map(rule -> {
            var from = (List<Map<String, Map<String, List<String>>>>) rule.get("from");
            return from.get(0).get("source").get("principals");
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> scrapePorts(RecordedResource r) {
        var rules = (List<Map<String, Object>>) ((Map<String, Object>) r.inputs().get("spec")).get("rules");
        var to = (List<Map<String, Map<String, List<String>>>>) rules.get(1).get("to");
        return to.get(0).get("operation").get("ports");
    }
}
