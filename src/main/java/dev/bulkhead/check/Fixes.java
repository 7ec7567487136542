package dev.bulkhead.check;

import dev.bulkhead.intent.Intent;
import dev.bulkhead.intent.ProjectIntent;
import dev.bulkhead.netpol.Endpoint;

import java.util.Optional;

/**
 * The config change that would allow a denied flow, in the words of the stack's config: projects meet only
 * through exports, leave the cluster only through their egress list, and are reached from outside only through
 * their routes. Empty when no config key opens the flow (a platform pod, say); then the deciding rule is the fix.
 */
final class Fixes {

    private Fixes() {
    }

    static Optional<String> forLeg(RenderView view, Leg leg) {
        return forFlow(view, leg.from(), leg.to(), leg.service(), leg.host(), leg.port());
    }

    /**
     * @param service the Service the flow is addressed to ({@code namespace/name}), if any
     * @param host    the external host the flow is addressed to, if any
     */
    static Optional<String> forFlow(RenderView view, Party source, Party destination, Optional<String> service,
                                    Optional<String> host, int port) {
        Optional<Intent> intent = view.intent();
        if (intent.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProjectIntent> from = source.namespace().flatMap(ns -> intent.get().projectOf(ns));
        Optional<ProjectIntent> to = destination.namespace().flatMap(ns -> intent.get().projectOf(ns))
                .or(() -> service.flatMap(s -> intent.get().projectOf(s.substring(0, s.indexOf('/')))));
        if (from.isPresent() && host.isPresent()) {
            return Optional.of("add `- host: " + host.get() + "` with `port: " + port + "` to the egress of "
                    + "project " + from.get().name() + " (bulkhead:projects[" + from.get().name() + "].egress)");
        }
        if (from.isPresent() && destination.pod().isEmpty() && to.isEmpty()) {
            return Optional.of("add `- cidr: " + destination.name() + "/32` with `port: " + port + "` to the egress of "
                    + "project " + from.get().name() + " (bulkhead:projects[" + from.get().name() + "].egress), or "
                    + "a host entry if the address stands for a name");
        }
        if (from.isPresent() && to.isPresent() && !from.get().name().equals(to.get().name())) {
            ProjectIntent owner = to.get();
            boolean toGateway = owner.gatewayNamespace().equals(destination.namespace());
            if (toGateway) {
                for (ProjectIntent.Export export : owner.exports()) {
                    if (export.listenerPort() == port) {
                        return Optional.of("add `" + from.get().name() + "` to `consumers` of the export `"
                                + export.name() + "` of project " + owner.name() + " (bulkhead:projects["
                                + owner.name() + "].exports[" + export.name() + "].consumers)");
                    }
                }
            }
            String backend = service.orElse(destination.namespace().orElse("") + "/<service>");
            return Optional.of("projects reach each other only through exports: add to project " + owner.name()
                    + " `exports: [{name: <name>, service: " + backend + ", port: " + port + ", consumers: ["
                    + from.get().name() + "]}]` and call it at <name>." + owner.gatewayNamespace()
                    .orElse(owner.name() + "-gateway"));
        }
        if (from.isEmpty() && to.isPresent() && source.pod().isEmpty()
                && !(source.endpoint() instanceof Endpoint.Node)) {
            return Optional.of("only the ALB reaches a project from outside, at its gateway: add a route to "
                    + "bulkhead:projects[" + to.get().name() + "].ingress.routes");
        }
        boolean prometheus = source.serviceAccount().filter(EndpointResolver.PROMETHEUS_ACCOUNT::equals)
                .isPresent() && source.namespace().filter(intent.get().monitoringNamespace()::equals).isPresent();
        if (prometheus && to.isPresent()) {
            return Optional.of("add " + port + " to bulkhead:projects[" + to.get().name() + "].metricsPorts");
        }
        return Optional.empty();
    }
}
