package dev.bulkhead.config;

import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.ServiceRef;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Where a route or an export sends requests: a Service written {@code service: namespace/name} with a {@code port},
 * or an app of the project written {@code app: name}, whose Service and port are the app's (a port may be repeated,
 * and must then be the app's). A Service that is an app's must be given the app's port too: the policies use the
 * same number for the Service and the pods.
 */
final class AppReferences {

    /** A resolved target; either part is {@code null} when it could not be read (the error is recorded). */
    record Target(ServiceRef service, Integer port) {
    }

    private AppReferences() {
    }

    /**
     * @param namespaces the project's namespaces, or {@code null} to skip the check that the Service is in them
     * @param apps       the project's valid apps by name
     */
    static Target read(Checks checks, Fields f, List<String> namespaces, Map<String, AppSpec> apps) {
        ConfigReader reader = checks.reader();
        Node appNode = f.node("app");
        Node serviceNode = f.node("service");
        Node portNode = f.node("port");
        if (appNode != null && serviceNode != null) {
            reader.error(f.path("app"), "is given with service; name either an app of this project or a Service, "
                    + "not both");
            return new Target(null, null);
        }
        if (appNode != null) {
            String name = reader.string(appNode);
            Integer port = portNode == null ? null : checks.port(portNode);
            AppSpec app = name == null ? null : apps.get(name);
            if (name != null && app == null) {
                List<String> names = List.copyOf(apps.keySet());
                reader.error(appNode.path(), quote(name) + " is not an app of this project"
                        + Suggestions.didYouMean(name, names, "its apps are " + names));
            }
            if (app == null) {
                return new Target(null, port);
            }
            samePort(reader, portNode, port, app);
            return new Target(new ServiceRef(app.namespace(), app.name()), app.port());
        }
        if (serviceNode == null) {
            f.required("service", "namespace/name of a Service in this project, or app: the name of one of its apps");
        }
        ServiceRef service = serviceNode == null ? null : checks.service(serviceNode, namespaces);
        Node required = f.required("port", "a port from 1 to 65535");
        Integer port = required == null ? null : checks.port(required);
        if (service != null) {
            AppSpec app = apps.get(service.name());
            if (app != null && app.namespace().equals(service.namespace())) {
                samePort(reader, portNode, port, app);
            }
        }
        return new Target(service, port);
    }

    private static void samePort(ConfigReader reader, Node portNode, Integer port, AppSpec app) {
        if (port != null && port != app.port()) {
            reader.error(portNode.path(), port + " is not the port of app " + quote(app.name()) + ", whose Service and "
                    + "pods listen on " + app.port() + "; use " + app.port() + " (or leave port out with app:)");
        }
    }
}
