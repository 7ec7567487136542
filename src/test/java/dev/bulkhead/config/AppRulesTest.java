package dev.bulkhead.config;

import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.bulkhead.config.Fixtures.REMOVE;
import static dev.bulkhead.config.Fixtures.assertError;
import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.errors;
import static dev.bulkhead.config.Fixtures.flatten;
import static dev.bulkhead.config.Fixtures.list;
import static dev.bulkhead.config.Fixtures.map;
import static dev.bulkhead.config.Fixtures.parse;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of a project's {@code apps}: each error names the key, the value and what would be valid. */
class AppRulesTest {

    private static final String SHOP = "bulkhead:projects[0]";
    private static final String APPS = SHOP + ".apps";
    private static final String ECR = "111122223333.dkr.ecr.eu-west-1.amazonaws.com";
    private static final String DIGEST = "@sha256:" + "0123456789abcdef".repeat(4);

    private static Map<String, Object> app(String name, String namespace, Object... more) {
        Map<String, Object> app = map("name", name, "namespace", namespace, "image", ECR + "/shop/" + name + DIGEST,
                "port", 8080);
        for (int i = 0; i < more.length; i += 2) {
            app.put((String) more[i], more[i + 1]);
        }
        return app;
    }

    /** The reference config with shop's apps: storefront, catalog (narrowed), orders (L7 and JWT). */
    private static Map<String, Object> withApps() {
        return set(reference(), APPS, list(
                app("storefront", "shop-web", "replicas", map("min", 2, "max", 6),
                        "resources", map("cpu", "250m", "memory", "256Mi"), "probes", map("path", "/healthz"),
                        "metricsPort", 9090),
                app("catalog", "shop-api", "callers", list("storefront")),
                app("orders", "shop-api", "callers", list("storefront", "catalog"),
                        "authorization", list(map("from", "storefront", "methods", list("GET", "POST"),
                                "paths", list("/orders", "/orders/*"))),
                        "jwt", map("issuer", "https://auth.example.com/",
                                "jwksUri", "https://auth.example.com/.well-known/jwks.json",
                                "audiences", list("shop"), "paths", list("/orders/*")),
                        "aws", map("policyArns", list("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"))),
                app("gateway", "shop-api", "port", 9090)));
    }

    @Test
    void appsAreReadWithTheirDefaultsAndDerivedLimits() {
        ProjectSpec shop = parse(withApps()).project("shop").orElseThrow();
        AppSpec storefront = shop.app("storefront").orElseThrow();
        assertEquals(2, storefront.replicas().min());
        assertEquals(6, storefront.replicas().max());
        assertEquals("500m", storefront.resources().limitCpu().text());
        assertEquals("256Mi", storefront.resources().limitMemory().text());
        assertEquals(Optional.of("/healthz"), storefront.probes().liveness().path());
        assertEquals(Optional.empty(), storefront.trustedCallers());
        AppSpec catalog = shop.app("catalog").orElseThrow();
        assertEquals(Quantity.parse("100m").value(), catalog.resources().cpu().value());
        assertEquals(Optional.empty(), catalog.probes().readiness().path(), "no probes: TCP on the port");
        assertEquals(Optional.of(List.of("storefront")), catalog.trustedCallers());
        assertTrue(shop.app("orders").orElseThrow().l7());
        assertEquals(List.of(9090, 15020), shop.scrapePorts());
        assertTrue(shop.egressRules().stream().anyMatch(r -> r.toString().contains("auth.example.com")),
                "the JWT keys' host joins shop's egress");
    }

    @Test
    void theEngineReadsAppsAsTheFileDoes() throws ConfigException {
        var config = withApps();
        assertEquals(parse(config), SettingsParser.fromEngineConfig("test", flatten(config)));
    }

    @Test
    void appNames() {
        assertOnlyError(set(withApps(), APPS + "[0].name", "Store_Front"), APPS + "[0].name",
                "\"Store_Front\" is not a valid app name; use an RFC 1035 label: at most 63 lowercase letters, "
                        + "digits and '-', starting with a letter");
        assertOnlyError(set(withApps(), APPS + "[3].name", "waypoint"), APPS + "[3].name",
                "\"waypoint\" is reserved", "[default, waypoint, prometheus]");
        assertOnlyError(set(withApps(), APPS + "[3].name", "catalog"), APPS + "[3].name",
                "\"catalog\" is already the name of " + APPS + "[1]; app names must be unique within a project");
    }

    @Test
    void namespaces() {
        assertOnlyError(set(withApps(), APPS + "[1].namespace", "billing"), APPS + "[1].namespace",
                "\"billing\" is not one of the project's namespaces [shop-web, shop-api]");
        assertOnlyError(set(withApps(), APPS + "[1].namespace", REMOVE), APPS + "[1].namespace",
                "missing required key; expected one of the project's namespaces [shop-web, shop-api]");
        var config = set(withApps(), "bulkhead:projects[1].apps", list(app("ledger", "billing")));
        Fixtures.set(config, "bulkhead:projects[1].apps[0].namespace", REMOVE);
        assertEquals("billing", parse(config).project("billing").orElseThrow().app("ledger").orElseThrow()
                .namespace(), "a project with one namespace needs none named");
    }

    @Test
    void images() {
        assertOnlyError(set(withApps(), APPS + "[0].image", ECR + "/shop/storefront:latest"), APPS + "[0].image",
                "uses the tag \"latest\", which moves; pin the image by digest (@sha256:...)");
        assertOnlyError(set(withApps(), APPS + "[0].image", ECR + "/shop/storefront"), APPS + "[0].image",
                "names neither a digest nor a tag");
        assertOnlyError(set(withApps(), APPS + "[0].image", "nginx@sha256:" + "ab".repeat(32)), APPS + "[0].image",
                "\"nginx@sha256:", "is not an image reference; write registry/repository@sha256:<digest>");
        assertOnlyError(set(withApps(), APPS + "[0].image", ECR + "/shop/storefront@sha256:abc"), APPS + "[0].image",
                "has digest \"sha256:abc\"; a digest is sha256: followed by 64 lowercase hex digits");
        assertOnlyError(set(withApps(), APPS + "[0].image", ECR + "/shop/storefront:1.4.2"), APPS + "[0].image",
                "\"" + ECR + "/shop/storefront:1.4.2\" is pinned by tag only; this platform admits images by digest "
                        + "(@sha256:...) unless bulkhead:platform.allowImageTags is true");
        var tagsAllowed = set(withApps(), APPS + "[0].image", ECR + "/shop/storefront:1.4.2");
        set(tagsAllowed, "bulkhead:platform.allowImageTags", true);
        assertEquals(ECR + "/shop/storefront:1.4.2",
                parse(tagsAllowed).project("shop").orElseThrow().app("storefront").orElseThrow().image());
        assertOnlyError(set(withApps(), APPS + "[0].image", "docker.io/library/nginx" + DIGEST), APPS + "[0].image",
                "is not in an allowed registry; bulkhead:platform.allowedRegistries is ["
                        + ECR + ", ghcr.io/acme]");
        var defaultRegistries = set(withApps(), "bulkhead:platform.allowedRegistries", REMOVE);
        set(defaultRegistries, APPS + "[0].image", "ghcr.io/acme/storefront" + DIGEST);
        assertOnlyError(defaultRegistries, APPS + "[0].image",
                "is not in the account's ECR registry in eu-west-1 (<account>.dkr.ecr.eu-west-1.amazonaws.com)");
    }

    @Test
    void ports() {
        assertOnlyError(set(withApps(), APPS + "[0].port", 15008), APPS + "[0].port",
                "15008 is in 15000-15090, reserved for the ambient mesh (HBONE 15008, ztunnel, waypoints and istiod)");
        assertOnlyError(set(withApps(), APPS + "[0].port", 80), APPS + "[0].port",
                "80 is a privileged port, which a non-root container without capabilities cannot bind");
        var config = set(withApps(), APPS + "[0].metricsPort", 8080);
        set(config, "bulkhead:projects[0].ingress.routes[0].port", 8080);
        assertOnlyError(config, APPS + "[0].metricsPort", "8080 is the app's port; serve metrics on a port of their own");
        assertOnlyError(set(withApps(), APPS + "[0].probes.port", 15021), APPS + "[0].probes.port",
                "15021 is in 15000-15090");
    }

    @Test
    void callersAreOtherAppsOfTheProject() {
        assertOnlyError(set(withApps(), APPS + "[1].callers[0]", "storefrnt"), APPS + "[1].callers[0]",
                "\"storefrnt\" is not an app of this project; did you mean \"storefront\"?");
        assertOnlyError(set(withApps(), APPS + "[1].callers[0]", "catalog"), APPS + "[1].callers[0]",
                "\"catalog\" is this app; an app does not call itself through the mesh");
        assertOnlyError(set(withApps(), APPS + "[1].callers[1]", "storefront"), APPS + "[1].callers[1]",
                "\"storefront\" is listed twice");
    }

    @Test
    void authorizationMatchesWhatIstioMatches() {
        String rule = APPS + "[2].authorization[0]";
        assertOnlyError(set(withApps(), rule + ".from", "reports"), rule + ".from",
                "\"reports\" is not one of this app's callers [storefront, catalog]; add it to callers, or drop the rule");
        var noCallers = set(withApps(), APPS + "[2].callers", REMOVE);
        set(noCallers, rule + ".from", "reports");
        assertOnlyError(noCallers, rule + ".from", "\"reports\" is not an app of this project");
        assertOnlyError(set(withApps(), rule + ".methods[0]", "get"), rule + ".methods[0]",
                "\"get\" is not upper case; Istio compares methods exactly, write GET");
        assertOnlyError(set(withApps(), rule + ".methods[0]", "FETCH"), rule + ".methods[0]",
                "\"FETCH\" is not an HTTP method; use one of [GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        assertOnlyError(set(withApps(), rule + ".paths[1]", "/orders/*/items"), rule + ".paths[1]",
                "\"/orders/*/items\" has a * that is neither first nor last; Istio matches * only as a whole prefix or "
                        + "suffix");
        assertOnlyError(set(withApps(), rule + ".paths[1]", "/orders?id=1"), rule + ".paths[1]",
                "contains a query or fragment, which Istio never sees in the path it matches");
        assertOnlyError(set(withApps(), rule + ".paths[1]", "orders"), rule + ".paths[1]",
                "\"orders\" does not start with /");
        var empty = set(withApps(), rule, map("from", "storefront"));
        assertOnlyError(empty, rule, "names no methods and no paths; list what \"storefront\" may do");
    }

    @Test
    void jwt() {
        String jwt = APPS + "[2].jwt";
        assertOnlyError(set(withApps(), jwt + ".jwksUri", "http://auth.example.com/jwks.json"), jwt + ".jwksUri",
                "\"http://auth.example.com/jwks.json\" is not an https URL with a host name");
        assertOnlyError(set(withApps(), jwt + ".jwksUri", "https://10.1.2.3/jwks.json"), jwt + ".jwksUri",
                "has host \"10.1.2.3\", which is not a DNS name");
        assertOnlyError(set(withApps(), jwt + ".jwksUri", "https://keys.auth.svc.cluster.local/jwks"), jwt + ".jwksUri",
                "is inside the cluster; istiod fetches the keys and reaches only hosts outside it");
        assertOnlyError(set(withApps(), jwt + ".audiences", list()), jwt + ".audiences", "must not be empty");
        assertOnlyError(set(withApps(), jwt + ".paths[0]", "/orders/**/x"), jwt + ".paths[0]",
                "has a * that is neither first nor last");
    }

    @Test
    void resourcesAndReplicas() {
        String resources = APPS + "[0].resources";
        assertOnlyError(set(withApps(), resources + ".limits", map("memory", "128Mi")), resources + ".limits.memory",
                "\"128Mi\" is below the memory request \"256Mi\"; a limit must be at least the request");
        assertOnlyError(set(withApps(), resources + ".memory", "512m"), resources + ".memory",
                "\"512m\" is too little memory for a container; write a memory amount in Mi or Gi");
        assertOnlyError(set(withApps(), resources + ".cpu", "lots"), resources + ".cpu",
                "\"lots\" is not a Kubernetes quantity; write a CPU amount such as 250m, 0.5 or 1");
        assertOnlyError(set(withApps(), APPS + "[0].replicas.max", 1), APPS + "[0].replicas.max",
                "max 1 is below min 2; write min <= max");
        assertOnlyError(set(withApps(), APPS + "[0].replicas.min", 0), APPS + "[0].replicas.min",
                "0 is too small; an app runs at least 1 pod");
        assertOnlyError(set(withApps(), APPS + "[0].replicas.max", 101), APPS + "[0].replicas.max",
                "101 is out of range; use at most 100");
        assertOnlyError(set(withApps(), APPS + "[1].replicas", map("max", 0)), APPS + "[1].replicas.max",
                "0 is too small; an app runs at least 1 pod");
    }

    @Test
    void appsMustFitTheirNamespacesQuota() {
        List<ConfigError> cpu = errors(set(withApps(), APPS + "[0].replicas.max", 30));
        assertEquals(2, cpu.size(), cpu::toString);
        assertError(cpu.get(0), APPS, "the apps of namespace \"shop-web\" need 7.5 CPU of requests at their maximum "
                + "replicas, more than its quota requestsCpu \"6\" (" + SHOP + ".quota.requestsCpu)");
        assertError(cpu.get(1), APPS, "need 15 CPU of limits", "limitsCpu \"12\"");
        var pods = set(withApps(), APPS + "[1].replicas", map("min", 1, "max", 80));
        List<ConfigError> errors = errors(pods);
        assertError(errors.get(errors.size() - 1), APPS, "the apps of namespace \"shop-api\" run up to 85 pods at "
                + "their maximum replicas (with the waypoint), more than its quota of 80 (" + SHOP + ".quota.pods)");
    }

    @Test
    void aws() {
        String aws = APPS + "[2].aws";
        assertOnlyError(set(withApps(), aws + ".policyArns[0]", "arn:aws:iam::aws:policy/AdministratorAccess"),
                aws + ".policyArns[0]", "would give the app the run of the account");
        assertOnlyError(set(withApps(), aws + ".policyArns[0]", "AmazonS3ReadOnlyAccess"), aws + ".policyArns[0]",
                "\"AmazonS3ReadOnlyAccess\" is not an IAM policy ARN");
        assertOnlyError(set(withApps(), aws, map("statements", list(map("actions", list("*"),
                "resources", list("*"))))), aws + ".statements[0].actions[0]", "\"*\" is every action");
        assertOnlyError(set(withApps(), aws, map("statements", list(map("actions", list("s3:GetObject"),
                "resources", list("my-bucket"))))), aws + ".statements[0].resources[0]",
                "\"my-bucket\" is not a resource ARN");
        assertOnlyError(set(withApps(), aws, map()), aws,
                "needs policyArns or statements; without either the app's role could do nothing");
    }

    @Test
    void environmentAndUser() {
        assertOnlyError(set(withApps(), APPS + "[0].env", map("1ST", "x")), APPS + "[0].env[\"1ST\"]",
                "\"1ST\" is not an environment variable name");
        assertOnlyError(set(withApps(), APPS + "[0].env", map("RETRIES", 3)), APPS + "[0].env[\"RETRIES\"]",
                "expected a string, got number 3; quote it, since environment values are strings: \"3\"");
        assertOnlyError(set(withApps(), APPS + "[0].runAsUser", 0), APPS + "[0].runAsUser",
                "0 is root or not a user id");
    }

    @Test
    void routesAndExportsMayNameAnApp() {
        var config = set(withApps(), SHOP + ".ingress.routes[0]", map("host", "shop.example.com", "app", "storefront"));
        set(config, SHOP + ".exports[0]", map("name", "orders", "app", "orders", "consumers", list("billing")));
        ProjectSpec shop = parse(config).project("shop").orElseThrow();
        assertEquals("shop-web/storefront", shop.ingress().orElseThrow().routes().get(0).service().toString());
        assertEquals(8080, shop.ingress().orElseThrow().routes().get(0).port());
        assertEquals("shop-api/orders", shop.exports().get(0).service().toString());
        assertOnlyError(set(withApps(), SHOP + ".ingress.routes[0]", map("host", "shop.example.com",
                "app", "storefrnt")), SHOP + ".ingress.routes[0].app",
                "\"storefrnt\" is not an app of this project; did you mean \"storefront\"?");
        assertOnlyError(set(withApps(), SHOP + ".ingress.routes[0].app", "storefront"), SHOP + ".ingress.routes[0].app",
                "is given with service; name either an app of this project or a Service, not both");
        assertOnlyError(set(withApps(), SHOP + ".exports[0].port", 9000), SHOP + ".exports[0].port",
                "9000 is not the port of app \"orders\", whose Service and pods listen on 8080");
    }
}
