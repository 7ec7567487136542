package dev.bulkhead.config;

import dev.bulkhead.model.AppPorts;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.AuthorizationRule;
import dev.bulkhead.model.AwsAccessSpec;
import dev.bulkhead.model.JwtSpec;
import dev.bulkhead.model.ProbesSpec;
import dev.bulkhead.model.ReplicasSpec;
import dev.bulkhead.model.ResourcesSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads one entry of a project's {@code apps} and checks what can be checked inside it. Whether its callers exist,
 * and whether the apps fit their namespaces' quota, is left to {@link AppsSection}, which gets the located values it
 * needs in a {@link Read}.
 */
final class AppSection {

    static final List<String> KEYS = List.of("name", "namespace", "image", "port", "replicas", "resources", "probes",
            "metricsPort", "callers", "authorization", "jwt", "aws", "env", "runAsUser");
    static final List<String> REPLICA_KEYS = List.of("min", "max");
    static final String NAME_RULE = "an RFC 1035 label: at most " + AppSpec.NAME_MAX + " lowercase letters, digits "
            + "and '-', starting with a letter and ending with a letter or digit";

    /**
     * An app as read.
     *
     * @param spec    the app, or {@code null} when anything about it was invalid
     * @param name    its name, or {@code null} if invalid
     * @param callers its {@code callers} as written, each with its path; empty optional when not given
     * @param froms   the {@code from} of each authorization rule, with its path
     */
    record Read(String path, AppSpec spec, String name, Node nameNode, Optional<List<Node>> callers, List<Node> froms) {
    }

    private AppSection() {
    }

    /** @param namespaces the project's namespaces, or {@code null} when they could not be read */
    static Read read(Checks checks, Node node, ProjectContext context, List<String> namespaces) {
        ConfigReader reader = checks.reader();
        int before = reader.errorCount();
        Fields f = reader.fields(node, KEYS);
        Node nameNode = f.required("name", NAME_RULE + ", e.g. orders");
        String name = nameNode == null ? null : name(reader, nameNode);
        String namespace = namespace(checks, f, namespaces);
        Node imageNode = f.required("image", "registry/repository@sha256:<digest>, e.g. "
                + dev.bulkhead.model.ImageReference.EXAMPLE);
        String image = imageNode == null ? null : AppImages.read(reader, imageNode, context.platform(),
                context.region());
        Node portNode = f.required("port", "the port the app serves HTTP on, e.g. 8080");
        Integer port = portNode == null ? null : port(reader, portNode);
        ReplicasSpec replicas = replicas(checks, f.fields("replicas", REPLICA_KEYS, false));
        ResourcesSpec resources = AppResourcesSection.read(checks,
                f.fields("resources", AppResourcesSection.KEYS, false));
        Fields probesFields = f.fields("probes", AppProbesSection.KEYS, false);
        ProbesSpec probes = AppProbesSection.read(checks, probesFields, port);
        Node metricsNode = f.node("metricsPort");
        Integer metricsPort = metricsNode == null ? null : port(reader, metricsNode);
        if (metricsPort != null && metricsPort.equals(port)) {
            reader.error(metricsNode.path(), metricsPort + " is the app's port; serve metrics on a port of their own, "
                    + "which only the monitoring namespace may scrape");
        }
        Optional<List<Node>> callers = AppTrustSection.callers(reader, f);
        callers.ifPresent(list -> selfAndDuplicates(reader, list, name));
        List<Node> froms = new ArrayList<>();
        List<AuthorizationRule> authorization = new ArrayList<>();
        for (Node rule : f.list("authorization", false, "rules (from, methods, paths)")) {
            AuthorizationRule read = AppTrustSection.rule(checks, rule, froms);
            if (read != null) {
                authorization.add(read);
            }
        }
        for (Node from : froms) {
            String caller = (String) from.value();
            if (caller.equals(name)) {
                reader.error(from.path(), quote(caller) + " is this app; an app does not call itself through the mesh");
            } else if (callers.isPresent() && callers.get().stream().noneMatch(c -> c.value().equals(caller))) {
                reader.error(from.path(), quote(caller) + " is not one of this app's callers "
                        + callers.get().stream().map(Node::value).toList() + "; add it to callers, or drop the rule");
            }
        }
        JwtSpec jwt = AppTrustSection.jwt(checks, f.fields("jwt", AppTrustSection.JWT_KEYS, false));
        AwsAccessSpec aws = AppAwsSection.read(checks, f.node("aws"));
        Map<String, String> env = env(reader, f.node("env"));
        Node userNode = f.node("runAsUser");
        int user = f.integer("runAsUser", AppSpec.DEFAULT_USER);
        if (userNode != null && user < 1) {
            reader.error(userNode.path(), user + " is root or not a user id; use a non-root user id of at least 1, "
                    + "e.g. " + AppSpec.DEFAULT_USER);
        }
        AppSpec spec = null;
        if (reader.errorCount() == before && f.present()) {
            try {
                spec = new AppSpec(name, namespace, image, port, replicas, resources, probes,
                        Optional.ofNullable(metricsPort), callers.map(list -> list.stream()
                        .map(n -> (String) n.value()).toList()), authorization, Optional.ofNullable(jwt),
                        Optional.ofNullable(aws), env, user);
            } catch (IllegalArgumentException e) {
                reader.error(node.path(), e.getMessage());
            }
        }
        return new Read(node.path(), spec, name, nameNode, callers, froms);
    }

    private static String name(ConfigReader reader, Node node) {
        String name = reader.string(node);
        if (name == null) {
            return null;
        }
        if (name.length() > AppSpec.NAME_MAX || !AppSpec.NAME.matcher(name).matches()) {
            reader.error(node.path(), quote(name) + " is not a valid app name; use " + NAME_RULE);
            return null;
        }
        if (AppSpec.RESERVED_NAMES.contains(name)) {
            reader.error(node.path(), quote(name) + " is reserved: an app's ServiceAccount and pod labels carry its "
                    + "name, and " + AppSpec.RESERVED_NAMES + " are the namespace's default account, the waypoint's "
                    + "and the monitoring Prometheus's; choose another name");
            return null;
        }
        return name;
    }

    /** The namespace; optional when the project has exactly one. */
    private static String namespace(Checks checks, Fields f, List<String> namespaces) {
        Node node = f.node("namespace");
        if (node == null) {
            if (namespaces != null && namespaces.size() == 1) {
                return namespaces.get(0);
            }
            f.required("namespace", "one of the project's namespaces"
                    + (namespaces == null ? "" : " " + namespaces));
            return null;
        }
        String namespace = checks.label(node, Formats.RFC1123_LABEL_MAX, "namespace");
        if (namespace != null && namespaces != null && !namespaces.contains(namespace)) {
            checks.reader().error(node.path(), quote(namespace) + " is not one of the project's namespaces "
                    + namespaces);
            return null;
        }
        return namespace;
    }

    private static Integer port(ConfigReader reader, Node node) {
        Integer port = reader.integer(node);
        if (port == null) {
            return null;
        }
        var problem = AppPorts.problem(port);
        if (problem.isPresent()) {
            reader.error(node.path(), port + " " + problem.get());
            return null;
        }
        return port;
    }

    private static ReplicasSpec replicas(Checks checks, Fields f) {
        ConfigReader reader = checks.reader();
        Node minNode = f.node("min");
        Node maxNode = f.node("max");
        Integer min = minNode == null ? null : reader.integer(minNode);
        Integer max = maxNode == null ? null : reader.integer(maxNode);
        if ((minNode != null && min == null) || (maxNode != null && max == null)) {
            return null;
        }
        int low = min != null ? min : Math.min(ReplicasSpec.DEFAULT.min(), max == null ? Integer.MAX_VALUE : max);
        int high = max != null ? max : Math.max(low, ReplicasSpec.DEFAULT.max());
        if (low < 1) {
            reader.error((minNode != null ? minNode : maxNode).path(), low + " is too small; an app runs at least 1 pod");
            return null;
        }
        if (high > ReplicasSpec.MAX) {
            reader.error(maxNode.path(), high + " is out of range; use at most " + ReplicasSpec.MAX);
            return null;
        }
        if (high < low) {
            reader.error((maxNode != null ? maxNode : minNode).path(), "max " + high + " is below min " + low
                    + "; write min <= max");
            return null;
        }
        return new ReplicasSpec(low, high);
    }

    private static void selfAndDuplicates(ConfigReader reader, List<Node> callers, String name) {
        List<Object> seen = new ArrayList<>();
        for (Node caller : callers) {
            if (caller.value().equals(name)) {
                reader.error(caller.path(), quote(name) + " is this app; an app does not call itself through the mesh");
            } else if (seen.contains(caller.value())) {
                reader.error(caller.path(), quote((String) caller.value()) + " is listed twice");
            }
            seen.add(caller.value());
        }
    }

    private static Map<String, String> env(ConfigReader reader, Node node) {
        Map<String, String> env = new LinkedHashMap<>();
        if (node == null) {
            return env;
        }
        List<Map.Entry<String, Node>> entries = reader.entries(node);
        for (Map.Entry<String, Node> e : entries == null ? List.<Map.Entry<String, Node>>of() : entries) {
            if (!AppSpec.ENV_NAME.matcher(e.getKey()).matches()) {
                reader.error(e.getValue().path(), quote(e.getKey()) + " is not an environment variable name; use "
                        + "letters, digits and '_', not starting with a digit");
                continue;
            }
            Object value = e.getValue().value();
            if (value instanceof String s) {
                env.put(e.getKey(), s);
            } else if (value instanceof Number || value instanceof Boolean) {
                reader.error(e.getValue().path(), "expected a string, got " + ConfigReader.describe(value)
                        + "; quote it, since environment values are strings: "
                        + quote(ConfigReader.format(value)));
            } else {
                reader.error(e.getValue().path(), "expected a string, got " + ConfigReader.describe(value)
                        + "; environment values are plain strings (no secrets here: they would be in the stack)");
            }
        }
        return env;
    }
}
