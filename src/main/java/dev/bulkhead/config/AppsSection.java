package dev.bulkhead.config;

import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.Quantity;
import dev.bulkhead.model.QuotaSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads a project's {@code apps} and applies the rules that span them: unique names, callers and authorization that
 * name apps of the project, and, once the quota is known, apps that fit their namespace's quota at their maximum
 * replicas (with the waypoint a namespace gets for L7 rules).
 */
final class AppsSection {

    private AppsSection() {
    }

    /**
     * The valid apps by name, in config order.
     *
     * @param namespaces the project's namespaces, or {@code null} when they could not be read
     */
    static Map<String, AppSpec> read(Checks checks, Fields project, ProjectContext context, List<String> namespaces) {
        ConfigReader reader = checks.reader();
        List<AppSection.Read> reads = new ArrayList<>();
        for (Node node : project.list("apps", false, "apps (name, namespace, image, port, ...)")) {
            reads.add(AppSection.read(checks, node, context, namespaces));
        }
        Map<String, String> first = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (AppSection.Read app : reads) {
            if (app.name() == null) {
                continue;
            }
            String earlier = first.putIfAbsent(app.name(), app.path());
            if (earlier != null) {
                reader.error(app.nameNode().path(), quote(app.name()) + " is already the name of " + earlier
                        + "; app names must be unique within a project (each is a ServiceAccount and a Service)");
            } else {
                names.add(app.name());
            }
        }
        // with an app whose name could not be read, "unknown caller" would likely be that app again
        boolean allNamed = reads.stream().allMatch(a -> a.name() != null);
        for (AppSection.Read app : reads) {
            List<Node> named = new ArrayList<>(app.callers().orElse(List.of()));
            if (app.callers().isEmpty()) {
                named.addAll(app.froms());
            }
            for (Node caller : named) {
                String name = (String) caller.value();
                if (allNamed && !names.contains(name) && !name.equals(app.name())) {
                    reader.error(caller.path(), quote(name) + " is not an app of this project"
                            + Suggestions.didYouMean(name, names, "its apps are " + names));
                }
            }
        }
        Map<String, AppSpec> apps = new LinkedHashMap<>();
        for (AppSection.Read app : reads) {
            if (app.spec() != null) {
                apps.putIfAbsent(app.name(), app.spec());
            }
        }
        return apps;
    }

    /** Reports each namespace whose apps, at their maximum replicas, would not fit its quota. */
    static void fitQuota(ConfigReader reader, String projectPath, List<AppSpec> apps, QuotaSpec quota) {
        if (apps.isEmpty() || quota == null) {
            return;
        }
        Map<String, List<AppSpec>> byNamespace = new LinkedHashMap<>();
        apps.forEach(a -> byNamespace.computeIfAbsent(a.namespace(), ns -> new ArrayList<>()).add(a));
        byNamespace.forEach((namespace, inNamespace) -> {
            boolean waypoint = inNamespace.stream().anyMatch(AppSpec::l7);
            check(reader, projectPath, namespace, inNamespace, waypoint, "requestsCpu", quota.requestsCpu(),
                    a -> a.resources().cpu(), 0);
            check(reader, projectPath, namespace, inNamespace, waypoint, "requestsMemory", quota.requestsMemory(),
                    a -> a.resources().memory(), 1);
            check(reader, projectPath, namespace, inNamespace, waypoint, "limitsCpu", quota.limitsCpu(),
                    a -> a.resources().limitCpu(), 2);
            check(reader, projectPath, namespace, inNamespace, waypoint, "limitsMemory", quota.limitsMemory(),
                    a -> a.resources().limitMemory(), 3);
            int pods = inNamespace.stream().mapToInt(a -> a.replicas().max()).sum() + (waypoint ? 1 : 0);
            if (pods > quota.pods()) {
                reader.error(projectPath + ".apps", "the apps of namespace " + quote(namespace) + " run up to " + pods
                        + " pods at their maximum replicas" + (waypoint ? " (with the waypoint)" : "")
                        + ", more than its quota of " + quota.pods() + " (" + projectPath + ".quota.pods); raise the "
                        + "quota or lower replicas.max");
            }
        });
    }

    private static void check(ConfigReader reader, String projectPath, String namespace, List<AppSpec> apps,
                              boolean waypoint, String key, String limit, Function<AppSpec, Quantity> each,
                              int waypointIndex) {
        if (!Quantity.isValid(limit)) {
            return;
        }
        Quantity total = Quantity.zero();
        for (AppSpec app : apps) {
            total = total.plus(each.apply(app).times(app.replicas().max()));
        }
        if (waypoint) {
            total = total.plus(Quantity.parse(Ambient.WAYPOINT_POD_RESOURCES.get(waypointIndex)));
        }
        if (total.compareTo(Quantity.parse(limit)) > 0) {
            reader.error(projectPath + ".apps", "the apps of namespace " + quote(namespace) + " need "
                    + amount(total, key.endsWith("Memory")) + " of "
                    + (key.startsWith("requests") ? "requests" : "limits") + " at their maximum replicas"
                    + (waypoint ? " (with the waypoint)" : "") + ", more than its quota " + key + " " + quote(limit)
                    + " (" + projectPath + ".quota." + key + "); raise the quota or lower the apps' replicas.max or "
                    + "resources");
        }
    }

    /** CPU in cores, memory in Mi (rounded up). */
    private static String amount(Quantity q, boolean memory) {
        if (!memory) {
            return q.value().stripTrailingZeros().toPlainString() + " CPU";
        }
        return q.value().divide(java.math.BigDecimal.valueOf(1024L * 1024), 0, java.math.RoundingMode.CEILING)
                .toPlainString() + "Mi of memory";
    }
}
