package dev.bulkhead.ingress;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.model.RouteSpec;
import dev.bulkhead.naming.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's Gateway API {@code Gateway} and its HTTPRoutes. The Gateway has one HTTPS listener on
 * {@link GatewayPorts#PUBLIC}, terminating TLS with the project's own certificate, and one plain in-cluster listener
 * per export; Istio gives it a ClusterIP Service, so nothing but the ALB (through the TargetGroupBinding) and the mesh
 * can reach it. The HTTPS listener names no hostname because the ALB sends no SNI to its targets: a listener per host
 * would match no connection. The route hosts are matched on the Host header instead, by each HTTPRoute's
 * {@code hostnames}. Routes attach only from the gateway's own namespace.
 */
public final class GatewayObjects {

    public static final String COMPONENT = "ingress";

    private GatewayObjects() {
    }

    /** The listener the ALB's target group sends to. */
    public static final String HTTPS_LISTENER = "https";

    /** The listener serving an export. */
    public static String exportListener(String export) {
        return Names.kubernetes("export", export);
    }

    public static Manifest gateway(ProjectEdge edge) {
        List<Object> listeners = new ArrayList<>();
        Map<String, Object> sameNamespace = Map.of("namespaces", Map.of("from", "Same"));
        if (edge.project().ingress().isPresent()) {
            listeners.add(Map.of(
                    "name", HTTPS_LISTENER,
                    "port", GatewayPorts.PUBLIC,
                    "protocol", "HTTPS",
                    "tls", Map.of("mode", "Terminate", "certificateRefs", List.of(Map.of(
                            "group", "", "kind", "Secret", "name", GatewayApi.tlsSecretName(edge.name())))),
                    "allowedRoutes", sameNamespace));
        }
        List<ExportSpec> exports = edge.project().exports();
        for (ExportSpec export : exports) {
            listeners.add(Map.of(
                    "name", exportListener(export.name()),
                    "port", GatewayPorts.export(export.name()),
                    "protocol", "HTTP",
                    "allowedRoutes", sameNamespace));
        }
        return Manifest.namespaced(GatewayApi.V1, GatewayApi.GATEWAY, edge.gatewayNamespace(), edge.gatewayName(),
                        ProjectEdge.labels(edge.name(), COMPONENT),
                        Map.of("gatewayClassName", GatewayApi.GATEWAY_CLASS, "listeners", listeners))
                .withAnnotations(Map.of(GatewayApi.SERVICE_TYPE_ANNOTATION, "ClusterIP"));
    }

    /** One HTTPRoute per configured route: host and path prefix to {@code namespace/service:port}. */
    public static List<Manifest> routes(ProjectEdge edge) {
        List<Manifest> routes = new ArrayList<>();
        for (RouteSpec route : edge.routes()) {
            routes.add(route(edge, Names.route(route.host(), route.path()),
                    HTTPS_LISTENER, List.of(route.host()), route.path(),
                    route.service().namespace(), route.service().name(), route.port(), COMPONENT));
        }
        return routes;
    }

    /** The HTTPRoute of an export: everything on its listener to the exported service. */
    public static Manifest exportRoute(ProjectEdge edge, ExportSpec export) {
        return route(edge, exportListener(export.name()), exportListener(export.name()), List.of(), "/",
                export.service().namespace(), export.service().name(), export.port(), Exports.COMPONENT);
    }

    private static Manifest route(ProjectEdge edge, String name, String listener, List<String> hostnames, String path,
                                  String namespace, String service, int port, String component) {
        Map<String, Object> spec = new TreeMap<>();
        spec.put("parentRefs", List.of(Map.of("name", edge.gatewayName(), "sectionName", listener)));
        if (!hostnames.isEmpty()) {
            spec.put("hostnames", hostnames);
        }
        spec.put("rules", List.of(Map.of(
                "matches", List.of(Map.of("path", Map.of("type", "PathPrefix", "value", path))),
                "backendRefs", List.of(Map.of("name", service, "namespace", namespace, "port", port)))));
        return Manifest.namespaced(GatewayApi.V1, GatewayApi.HTTP_ROUTE, edge.gatewayNamespace(), name,
                ProjectEdge.labels(edge.name(), component), spec);
    }
}
