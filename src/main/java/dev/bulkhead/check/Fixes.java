package dev.bulkhead.check;

import dev.bulkhead.intent.Intent;
import dev.bulkhead.intent.ProjectIntent;

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
        Optional<Intent> intent = view.intent();
        if (intent.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProjectIntent> from = leg.from().namespace().flatMap(ns -> intent.get().projectOf(ns));
        Optional<ProjectIntent> to = leg.to().namespace().flatMap(ns -> intent.get().projectOf(ns))
                .or(() -> leg.service().flatMap(s -> intent.get().projectOf(s.substring(0, s.indexOf('/')))));
        int port = leg.port();
        if (from.isPresent() && leg.host().isPresent()) {
            return Optional.of("add `- host: " + leg.host().get() + "` with `port: " + port + "` to the egress of "
                    + "project " + from.get().name() + " (bulkhead:projects[" + from.get().name() + "].egress)");
        }
        if (from.isPresent() && leg.to().pod().isEmpty() && to.isEmpty()) {
            return Optional.of("add `- cidr: " + leg.to().name() + "/32` with `port: " + port + "` to the egress of "
                    + "project " + from.get().name() + " (bulkhead:projects[" + from.get().name() + "].egress), or "
                    + "a host entry if the address stands for a name");
        }
        if (from.isPresent() && to.isPresent() && !from.get().name().equals(to.get().name())) {
            ProjectIntent owner = to.get();
            boolean toGateway = owner.gatewayNamespace().equals(leg.to().namespace());
            if (toGateway) {
                for (ProjectIntent.Export export : owner.exports()) {
                    if (export.listenerPort() == port) {
                        return Optional.of("add `" + from.get().name() + "` to `consumers` of the export `"
                                + export.name() + "` of project " + owner.name() + " (bulkhead:projects["
                                + owner.name() + "].exports[" + export.name() + "].consumers)");
                    }
                }
            }
            String service = leg.service().orElse(leg.to().namespace().orElse("") + "/<service>");
            return Optional.of("projects reach each other only through exports: add to project " + owner.name()
                    + " `exports: [{name: <name>, service: " + service + ", port: " + port + ", consumers: ["
                    + from.get().name() + "]}]` and call it at <name>." + owner.gatewayNamespace()
                    .orElse(owner.name() + "-gateway"));
        }
        if (from.isEmpty() && to.isPresent() && leg.from().pod().isEmpty()
                && !(leg.from().endpoint() instanceof dev.bulkhead.netpol.Endpoint.Node)) {
            return Optional.of("only the ALB reaches a project from outside, at its gateway: add a route to "
                    + "bulkhead:projects[" + to.get().name() + "].ingress.routes");
        }
        boolean prometheus = leg.from().serviceAccount().filter(EndpointResolver.PROMETHEUS_ACCOUNT::equals)
                .isPresent() && leg.from().namespace().filter(intent.get().monitoringNamespace()::equals).isPresent();
        if (prometheus && to.isPresent()) {
            return Optional.of("add " + port + " to bulkhead:projects[" + to.get().name() + "].metricsPorts");
        }
        return Optional.empty();
    }
}
