package dev.bulkhead.config;

import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * The rules that span projects and keep them watertight: unique names, every namespace owned by exactly one
 * project and never by the platform, exports only to other existing projects, and each route host served by one
 * project's ALB only.
 */
final class ProjectRules {

    private ProjectRules() {
    }

    static void check(ConfigReader reader, List<ProjectSection.Read> projects, List<String> reserved,
                      String monitoringNamespace) {
        List<String> names = uniqueNames(reader, projects);
        namespaces(reader, projects, reserved);
        gateways(reader, projects, monitoringNamespace);
        compartmentNames(reader, projects);
        consumers(reader, projects, names);
        routeHosts(reader, projects);
    }

    /** A project's gateway namespace must not be the monitoring namespace, which the platform creates. */
    private static void gateways(ConfigReader reader, List<ProjectSection.Read> projects, String monitoringNamespace) {
        for (ProjectSection.Read p : projects) {
            if (p.name() != null && hasGateway(p) && Names.gatewayNamespace(p.name()).equals(monitoringNamespace)) {
                reader.error(p.nameNode().path(), "project " + quote(p.name()) + " gets the gateway namespace "
                        + quote(monitoringNamespace) + ", which is " + PlatformSection.KEY + ".monitoringNamespace; "
                        + "rename the project or choose another monitoring namespace");
            }
        }
    }

    /**
     * Each namespace of a project is one component named after both ({@code project-<project>-<namespace>}), so
     * {@code a} with {@code b-c} and {@code a-b} with {@code c} would be two resources of one name.
     */
    private static void compartmentNames(ConfigReader reader, List<ProjectSection.Read> projects) {
        Map<String, String> owners = new HashMap<>();
        for (ProjectSection.Read p : projects) {
            if (p.name() == null) {
                continue;
            }
            List<Node> namespaces = new ArrayList<>(p.namespaces());
            if (hasGateway(p)) {
                namespaces.add(new Node(p.nameNode().path(), Names.gatewayNamespace(p.name())));
            }
            for (Node node : namespaces) {
                String ns = (String) node.value();
                String name = Names.compartment(Names.projectComponent(p.name()), ns);
                String label = p.label() + " namespace " + quote(ns);
                String first = owners.putIfAbsent(name, label);
                if (first != null && !first.equals(label)) {
                    reader.error(node.path(), label + " and " + first + " would both be the component " + quote(name)
                            + "; rename one of the projects or namespaces");
                }
            }
        }
    }

    private static boolean hasGateway(ProjectSection.Read p) {
        return p.spec().ingress().isPresent() || !p.spec().exports().isEmpty();
    }

    /** Reports duplicate names; returns the distinct valid names in config order. */
    private static List<String> uniqueNames(ConfigReader reader, List<ProjectSection.Read> projects) {
        Map<String, String> first = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (ProjectSection.Read p : projects) {
            if (p.name() == null) {
                continue;
            }
            String earlier = first.putIfAbsent(p.name(), p.path());
            if (earlier != null) {
                reader.error(p.nameNode().path(), quote(p.name()) + " is already the name of " + earlier
                        + "; project names must be unique");
            } else {
                names.add(p.name());
            }
        }
        return names;
    }

    private static void namespaces(ConfigReader reader, List<ProjectSection.Read> projects, List<String> reserved) {
        Map<String, String> gateways = new HashMap<>();
        for (ProjectSection.Read p : projects) {
            if (p.name() != null) {
                gateways.putIfAbsent(Names.gatewayNamespace(p.name()), p.name());
            }
        }
        Map<String, Integer> owners = new HashMap<>();
        Map<String, String> ownerPaths = new HashMap<>();
        for (int i = 0; i < projects.size(); i++) {
            ProjectSection.Read p = projects.get(i);
            for (Node node : p.namespaces()) {
                String ns = (String) node.value();
                if (reserved.contains(ns)) {
                    reader.error(node.path(), quote(ns) + " is reserved for the platform; use an RFC 1123 label that is "
                            + "not one of " + reserved);
                } else if (gateways.containsKey(ns)) {
                    reader.error(node.path(), quote(ns) + " is the namespace Bulkhead creates for the ingress gateway of "
                            + "project " + quote(gateways.get(ns)) + "; no project namespace may be named <project>-gateway");
                }
                Integer owner = owners.putIfAbsent(ns, i);
                if (owner != null && owner != i) {
                    reader.error(node.path(), quote(ns) + " is already claimed by " + projects.get(owner).label() + " ("
                            + ownerPaths.get(ns) + "); a namespace belongs to exactly one project, not also to "
                            + p.label());
                } else {
                    ownerPaths.putIfAbsent(ns, node.path());
                }
            }
        }
    }

    private static void consumers(ConfigReader reader, List<ProjectSection.Read> projects, List<String> names) {
        // with a project whose name could not be read, "unknown consumer" would likely be that project again
        boolean allNamed = projects.stream().allMatch(p -> p.name() != null);
        for (ProjectSection.Read p : projects) {
            for (Node node : p.consumers()) {
                String consumer = (String) node.value();
                if (consumer.equals(p.name())) {
                    reader.error(node.path(), quote(consumer) + " is this export's own project; a project reaches its own "
                            + "services directly, so list other projects only");
                } else if (allNamed && !names.contains(consumer)) {
                    reader.error(node.path(), quote(consumer) + " is not a project"
                            + Suggestions.didYouMean(consumer, names, "known projects: " + names));
                }
            }
        }
    }

    private static void routeHosts(ConfigReader reader, List<ProjectSection.Read> projects) {
        Map<String, Integer> owners = new HashMap<>();
        Map<String, String> ownerPaths = new HashMap<>();
        for (int i = 0; i < projects.size(); i++) {
            ProjectSection.Read p = projects.get(i);
            for (Node node : p.routeHosts()) {
                String host = (String) node.value();
                Integer owner = owners.putIfAbsent(host, i);
                if (owner == null) {
                    ownerPaths.put(host, node.path());
                } else if (owner != i) {
                    reader.error(node.path(), quote(host) + " is already routed by " + projects.get(owner).label() + " ("
                            + ownerPaths.get(host) + "); a host belongs to one project's ALB, so " + p.label()
                            + " needs another host");
                }
            }
        }
    }
}
