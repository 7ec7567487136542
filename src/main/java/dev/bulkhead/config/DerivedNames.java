package dev.bulkhead.config;

import dev.bulkhead.egress.EgressWaypointPlan;
import dev.bulkhead.ingress.GatewayPorts;
import dev.bulkhead.model.EgressRule;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.RouteSpec;
import dev.bulkhead.model.SharedEgressSpec;
import dev.bulkhead.naming.Names;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Names and ports derived from what config entries are (an export's listener port from its name, a route's name from
 * its host and path, an egress host's object name from the host) instead of their positions, so that editing one
 * entry never renames or renumbers another. Two entries that would derive the same name or port are refused here,
 * before anything is registered, with the entries named.
 */
final class DerivedNames {

    private DerivedNames() {
    }

    static void check(ConfigReader reader, List<ProjectSpec> projects, SharedEgressSpec shared) {
        Map<String, String> hostNames = new LinkedHashMap<>();
        for (int i = 0; i < projects.size(); i++) {
            ProjectSpec project = projects.get(i);
            String path = ProjectsSection.KEY + "[" + i + "]";
            exportPorts(reader, path, project.exports());
            project.ingress().ifPresent(ingress -> routeNames(reader, path, ingress.routes()));
            for (EgressRule rule : project.egress()) {
                if (rule instanceof EgressRule.Host host) {
                    hostName(reader, hostNames, host.host(), path + ".egress");
                }
            }
        }
        for (EgressRule.Host host : shared.hosts()) {
            hostName(reader, hostNames, host.host(), SharedEgressSection.KEY + ".hosts");
        }
    }

    private static void exportPorts(ConfigReader reader, String path, List<ExportSpec> exports) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        for (int j = 0; j < exports.size(); j++) {
            String name = exports.get(j).name();
            if (name == null) {
                continue;
            }
            int port = GatewayPorts.export(name);
            String first = ports.putIfAbsent(port, name);
            if (first != null && !first.equals(name)) {
                reader.error(path + ".exports[" + j + "].name", "exports " + quote(first) + " and " + quote(name)
                        + " would both listen on gateway port " + port + " (an export's port derives from its name); "
                        + "rename one of them");
            }
        }
    }

    private static void routeNames(ConfigReader reader, String path, List<RouteSpec> routes) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int j = 0; j < routes.size(); j++) {
            RouteSpec route = routes.get(j);
            if (route.host() == null) {
                continue;
            }
            String key = route.host() + route.path();
            String first = names.putIfAbsent(Names.route(route.host(), route.path()), key);
            if (first != null && !first.equals(key)) {
                reader.error(path + ".ingress.routes[" + j + "]", "routes " + quote(first) + " and " + quote(key)
                        + " would both be the HTTPRoute " + Names.route(route.host(), route.path())
                        + "; change the path of one of them");
            }
        }
    }

    private static void hostName(ConfigReader reader, Map<String, String> names, String host, String path) {
        String name = EgressWaypointPlan.slug(host);
        String first = names.putIfAbsent(name, host);
        if (first != null && !first.equals(host)) {
            reader.error(path, "hosts " + quote(first) + " and " + quote(host) + " would both be the egress objects "
                    + quote(name) + "; list only one of them");
        }
    }
}
