package dev.bulkhead.intent;

import java.util.List;
import java.util.Optional;

/**
 * A project as its config declares it: its namespaces, its gateway namespace (when it has ingress or exports),
 * and its edges in the words of the config, for the render summary and for fixes that name a config key.
 *
 * @param egress each egress entry as written: {@code api.stripe.com:443} or {@code 116.203.255.68/32:443}
 */
public record ProjectIntent(String name, List<String> namespaces, Optional<String> gatewayNamespace,
                            List<Route> routes, List<Export> exports, List<String> egress) {

    public ProjectIntent {
        namespaces = List.copyOf(namespaces);
        routes = List.copyOf(routes);
        exports = List.copyOf(exports);
        egress = List.copyOf(egress);
    }

    /** An internet route: {@code host}{@code path} at the project's ALB to {@code service:port}. */
    public record Route(String host, String path, String service, int port) {
    }

    /**
     * An export: {@code service:port} offered at the gateway's {@code listenerPort} to the consumer projects.
     */
    public record Export(String name, String service, int port, int listenerPort, List<String> consumers) {
        public Export {
            consumers = List.copyOf(consumers);
        }
    }
}
