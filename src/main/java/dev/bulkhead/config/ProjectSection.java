package dev.bulkhead.config;

import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.EgressRule;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.model.IngressSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.QuotaSpec;
import dev.bulkhead.model.ServiceRef;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads one entry of {@code bulkhead:projects} and checks what can be checked inside it. What spans projects
 * (unique names, namespace ownership, consumers, route hosts) is left to {@link ProjectRules}, which gets the
 * located values it needs in a {@link Read}.
 */
final class ProjectSection {

    static final List<String> KEYS = List.of(
            "name", "namespaces", "developers", "ingress", "exports", "egress", "quota", "metricsPorts", "apps",
            "stack");
    static final List<String> EXPORT_KEYS = List.of("name", "service", "app", "port", "consumers");
    /** Istio's merged Prometheus endpoint on every ambient/sidecar workload. */
    static final List<Integer> DEFAULT_METRICS_PORTS = List.of(15020);

    /**
     * A project as read, with the values cross-project rules need, each with its path.
     *
     * @param name       the project's name, or {@code null} if it was invalid
     * @param namespaces valid namespaces, each listed once
     * @param routeHosts valid route hosts, each listed once
     * @param consumers  consumer project names of every export
     * @param stack      the project's {@code stack} mapping as written, read once the operator's defaults are known
     */
    record Read(String path, ProjectSpec spec, String name, Node nameNode, List<Node> namespaces,
                List<Node> routeHosts, List<Node> consumers, Node stack) {

        String label() {
            return name != null ? "project " + quote(name) : path;
        }
    }

    private ProjectSection() {
    }

    static Read read(Checks checks, Node node, ProjectContext context) {
        ConfigReader reader = checks.reader();
        Fields f = reader.fields(node, KEYS);
        Node nameNode = f.required("name", "an RFC 1123 label of at most " + Formats.NAME_MAX + " characters, e.g. shop");
        String name = nameNode == null ? null : checks.serviceName(nameNode, Formats.NAME_MAX, "project name");

        int before = reader.errorCount();
        List<Node> namespaces = namespaces(checks, f);
        List<String> names = namespaces.stream().map(n -> (String) n.value()).toList();
        // a service in a namespace that failed to read would be reported twice: skip that check then
        List<String> ownNamespaces = reader.errorCount() == before ? names : null;

        List<String> developers = AccessSection.principals(checks, f.list("developers", false, "IAM principal ARNs"),
                context.allowAccountRoot(), context.region(), new HashMap<>());
        TrustPolicySize.check(reader, f.path("developers"), "developer role of " + (name == null ? "this project"
                : "project " + quote(name)), developers, context.mfaMaxAgeSeconds(), context.allowAccountRoot());

        Map<String, AppSpec> apps = AppsSection.read(checks, f, context, ownNamespaces);

        List<Node> hosts = new ArrayList<>();
        Fields ingressFields = f.fields("ingress", IngressSection.KEYS, false);
        Optional<IngressSpec> ingress = ingressFields.present()
                ? Optional.of(IngressSection.read(checks, ingressFields, context.region(), ownNamespaces, hosts, apps))
                : Optional.empty();

        List<Node> consumers = new ArrayList<>();
        List<ExportSpec> exports = exports(checks, f, name, ownNamespaces, consumers, apps);

        List<EgressRule> egress = new ArrayList<>();
        for (Node entry : f.list("egress", false, "egress rules")) {
            EgressRule rule = EgressSection.read(checks, entry, context);
            if (rule != null) {
                egress.add(rule);
            }
        }
        QuotaSpec quota = QuotaSection.read(checks, f.fields("quota", QuotaSection.KEYS, false));
        AppsSection.fitQuota(reader, node.path(), List.copyOf(apps.values()), quota);

        List<Integer> metricsPorts = f.node("metricsPorts") == null ? DEFAULT_METRICS_PORTS : new ArrayList<>();
        for (Node port : f.list("metricsPorts", false, "ports")) {
            Integer value = checks.port(port);
            if (value != null) {
                metricsPorts.add(value);
            }
        }
        ProjectSpec spec = new ProjectSpec(name, names, developers, ingress, exports, egress, quota, metricsPorts,
                List.copyOf(apps.values()));
        return new Read(node.path(), spec, name, nameNode, namespaces, hosts, consumers, f.node("stack"));
    }

    private static List<Node> namespaces(Checks checks, Fields f) {
        List<Node> valid = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Node node : f.list("namespaces", true, "RFC 1123 labels such as shop-web")) {
            String namespace = checks.label(node, Formats.RFC1123_LABEL_MAX, "namespace");
            if (namespace == null) {
                continue;
            }
            String first = seen.putIfAbsent(namespace, node.path());
            if (first != null) {
                checks.reader().error(node.path(), quote(namespace) + " is listed twice (also " + first + ")");
            } else {
                valid.add(new Node(node.path(), namespace));
            }
        }
        return valid;
    }

    private static List<ExportSpec> exports(Checks checks, Fields f, String project, List<String> namespaces,
                                            List<Node> consumersOut, Map<String, AppSpec> apps) {
        ConfigReader reader = checks.reader();
        List<ExportSpec> exports = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Node node : f.list("exports", false, "exports")) {
            Fields e = reader.fields(node, EXPORT_KEYS);
            Node nameNode = e.required("name", "an RFC 1123 label, e.g. orders");
            String name = nameNode == null ? null : checks.serviceName(nameNode, Formats.RFC1123_LABEL_MAX,
                    "export name");
            // an export's Service in the gateway namespace is named after it; Istio's own Service is <gateway>-istio
            String gatewayService = project == null ? null : Names.gatewayNamespace(project) + "-istio";
            if (name != null && name.equals(gatewayService)) {
                reader.error(nameNode.path(), quote(name) + " is the name of the Service Istio creates for the "
                        + "project's gateway; choose another export name");
            } else if (name != null && names.putIfAbsent(name, nameNode.path()) != null) {
                reader.error(nameNode.path(), quote(name) + " is already exported at " + names.get(name)
                        + "; export names must be unique within a project");
            }
            AppReferences.Target target = AppReferences.read(checks, e, namespaces, apps);
            ServiceRef service = target.service();
            Integer port = target.port();
            List<String> consumers = new ArrayList<>();
            for (Node consumer : e.list("consumers", true, "names of other projects")) {
                String text = reader.string(consumer);
                if (text != null) {
                    consumers.add(text);
                    consumersOut.add(new Node(consumer.path(), text));
                }
            }
            if (e.present()) {
                exports.add(new ExportSpec(name, service, port == null ? 0 : port, consumers));
            }
        }
        return exports;
    }
}
