package dev.bulkhead.config;

import dev.bulkhead.model.AuthorizationRule;
import dev.bulkhead.model.HttpRules;
import dev.bulkhead.model.JwtSpec;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads who may call an app and how: {@code callers} (names of apps of the project), {@code authorization} (per
 * caller, HTTP methods and paths as Istio matches them) and {@code jwt} (the issuer of end-user tokens). Whether the
 * named apps exist is checked across the project's apps by {@link AppsSection}.
 */
final class AppTrustSection {

    static final List<String> RULE_KEYS = List.of("from", "methods", "paths");
    static final List<String> JWT_KEYS = List.of("issuer", "jwksUri", "audiences", "paths");

    private AppTrustSection() {
    }

    /** The callers as written, each with its node; empty optional when the key is absent. */
    static Optional<List<Node>> callers(ConfigReader reader, Fields f) {
        Node node = f.node("callers");
        if (node == null) {
            return Optional.empty();
        }
        List<Node> elements = reader.list(node);
        List<Node> callers = new ArrayList<>();
        for (Node element : elements == null ? List.<Node>of() : elements) {
            String name = reader.string(element);
            if (name != null) {
                callers.add(new Node(element.path(), name));
            }
        }
        return Optional.of(callers);
    }

    /** One rule of {@code authorization}, or {@code null}; {@code fromOut} receives its {@code from} node. */
    static AuthorizationRule rule(Checks checks, Node node, List<Node> fromOut) {
        ConfigReader reader = checks.reader();
        int before = reader.errorCount();
        Fields r = reader.fields(node, RULE_KEYS);
        String from = r.requiredString("from", "the name of an app of this project");
        if (from != null) {
            fromOut.add(new Node(r.path("from"), from));
        }
        List<String> methods = new ArrayList<>();
        for (Node m : r.list("methods", false, "HTTP methods such as GET")) {
            String method = reader.string(m);
            if (method != null) {
                HttpRules.methodProblem(method).ifPresentOrElse(
                        problem -> reader.error(m.path(), quote(method) + " " + problem), () -> methods.add(method));
            }
        }
        List<String> paths = paths(reader, r.list("paths", false, "paths such as /orders/*"));
        if (r.node("methods") == null && r.node("paths") == null && r.present()) {
            reader.error(node.path(), "names no methods and no paths; list what " + (from == null ? "the caller"
                    : quote(from)) + " may do, or drop the rule and list it in callers to allow it everything");
        }
        return reader.errorCount() != before || !r.present() ? null : new AuthorizationRule(from, methods, paths);
    }

    /** {@code jwt}, or {@code null} when absent or invalid. */
    static JwtSpec jwt(Checks checks, Fields f) {
        if (!f.present()) {
            return null;
        }
        ConfigReader reader = checks.reader();
        int before = reader.errorCount();
        String issuer = f.requiredString("issuer", "the token issuer (the iss claim), e.g. https://auth.example.com/");
        if (issuer != null && issuer.isBlank()) {
            reader.error(f.path("issuer"), "is empty; write the issuer exactly as tokens carry it in their iss claim");
        }
        Node jwksNode = f.required("jwksUri", "the https URL of the issuer's keys, e.g. "
                + "https://auth.example.com/.well-known/jwks.json");
        String jwksUri = jwksNode == null ? null : reader.string(jwksNode);
        if (jwksUri != null) {
            url(checks, new Node(jwksNode.path(), jwksUri));
        }
        if (issuer != null && issuer.startsWith("https://")) {
            url(checks, new Node(f.path("issuer"), issuer));
        }
        List<String> audiences = new ArrayList<>();
        for (Node a : f.list("audiences", true, "audiences (the aud claim) this app accepts")) {
            String audience = reader.string(a);
            if (audience != null && audience.isBlank()) {
                reader.error(a.path(), "is empty; write an audience as tokens carry it in their aud claim");
            } else if (audience != null) {
                audiences.add(audience);
            }
        }
        List<String> paths = paths(reader, f.list("paths", false, "paths such as /orders/*"));
        return reader.errorCount() != before ? null : new JwtSpec(issuer, jwksUri, audiences, paths);
    }

    private static List<String> paths(ConfigReader reader, List<Node> nodes) {
        List<String> paths = new ArrayList<>();
        for (Node p : nodes) {
            String path = reader.string(p);
            if (path != null) {
                HttpRules.pathProblem(path).ifPresentOrElse(
                        problem -> reader.error(p.path(), quote(path) + " " + problem), () -> paths.add(path));
            }
        }
        return paths;
    }

    /** An https URL whose host can join the egress allow-list: a DNS name outside the cluster. */
    private static void url(Checks checks, Node node) {
        String text = (String) node.value();
        URI uri;
        try {
            uri = JwtSpec.httpsHost(text, "the URL");
        } catch (IllegalArgumentException e) {
            checks.reader().error(node.path(), quote(text) + " is not an https URL with a host name; write one such as "
                    + "https://auth.example.com/.well-known/jwks.json");
            return;
        }
        String host = uri.getHost();
        if (!Formats.isDnsName(host, false) || host.matches("[0-9]+(\\.[0-9]+){3}")) {
            checks.reader().error(node.path(), quote(text) + " has host " + quote(host) + ", which is not a DNS name; "
                    + "its keys are fetched through the egress allow-list, which names hosts");
        } else if (host.endsWith(".svc") || host.contains(".svc.") || host.endsWith(".cluster.local")) {
            checks.reader().error(node.path(), quote(text) + " is inside the cluster; istiod fetches the keys and "
                    + "reaches only hosts outside it");
        }
    }
}
