package dev.bulkhead.check;

import dev.bulkhead.check.ReachQuestion.BadQuestion;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.netpol.Protocol;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to one {@code reach} question: a verdict over every concrete path the two names stand for (a project
 * is a representative pod per namespace; a Service, each of its pods), each path with the decision of every layer,
 * the layer and rule that denied it, and the config change that would allow it.
 *
 * @param fix the config change that would allow the first denied path, when one exists
 */
public record ReachAnswer(String from, String to, String port, Optional<HttpRequest> request, Verdict verdict,
                          List<Leg> legs, Optional<String> fix) {

    /** ALLOWED: every path; CONDITIONAL: every path, some only for some requests; PARTIAL: some; DENIED: none. */
    public enum Verdict {
        ALLOWED, CONDITIONAL, PARTIAL, DENIED;

        public int exitCode() {
            return this == ALLOWED || this == CONDITIONAL ? 0 : 1;
        }
    }

    public ReachAnswer {
        legs = List.copyOf(legs);
    }

    public static ReachAnswer ask(RenderView view, Reachability reachability, Target from, Target to, int port,
                                  Protocol protocol, Optional<HttpRequest> request) throws BadQuestion {
        List<Party> sources;
        if (from instanceof Target.Pods pods) {
            sources = pods.parties();
        } else if (from instanceof Target.Service service) {
            sources = service.pods();
        } else {
            throw new BadQuestion("FROM \"" + ((Target.Host) from).host() + "\": a host outside the cluster can only "
                    + "be a destination");
        }
        List<Leg> legs = new ArrayList<>();
        for (Party source : sources) {
            if (to instanceof Target.Pods pods) {
                pods.parties().forEach(p -> legs.add(reachability.direct(source, p, port, protocol, request)));
            } else if (to instanceof Target.Service s) {
                s.pods().forEach(p -> legs.add(reachability.viaService(source, s.namespace(), s.name(), s.waypoint(),
                        p, s.targetPort(port), protocol, request)));
            } else {
                legs.add(toHost(view, reachability, source, (Target.Host) to, port, request));
            }
        }
        boolean all = legs.stream().allMatch(Leg::allowed);
        boolean none = legs.stream().noneMatch(Leg::allowed);
        Verdict verdict = none ? Verdict.DENIED : !all ? Verdict.PARTIAL
                : legs.stream().anyMatch(l -> l.outcome() == Decision.Outcome.CONDITIONAL) ? Verdict.CONDITIONAL
                : Verdict.ALLOWED;
        Optional<String> fix = legs.stream().filter(l -> !l.allowed()).findFirst().flatMap(l -> Fixes.forLeg(view, l));
        return new ReachAnswer(from.describe(), to.describe(), port + "/" + protocol, request, verdict, legs, fix);
    }

    private static Leg toHost(RenderView view, Reachability reachability, Party source, Target.Host host, int port,
                              Optional<HttpRequest> request) {
        Optional<RenderedResource> entry = host.entries().stream().filter(e -> Plain.list(RenderView.spec(e)
                .get("ports")).stream().anyMatch(p -> Plain.integer(Plain.map(p).get("number"))
                .equals(String.valueOf(port)))).findFirst();
        Optional<RenderedResource> waypoint = entry.flatMap(e -> {
            String name = RenderView.labels(e).get(Labels.USE_WAYPOINT);
            String ns = RenderView.labels(e).getOrDefault(Labels.USE_WAYPOINT + "-namespace",
                    RenderView.namespace(e).orElse(""));
            return name == null ? Optional.empty() : reachability.mesh().waypointNamed(ns, name);
        });
        Leg leg = reachability.toHost(source, host.host(), entry, waypoint, port, request);
        if (entry.isEmpty() && !host.entries().isEmpty()) {
            List<String> notes = new ArrayList<>(leg.notes());
            notes.add(host.entries().stream().map(RenderView::id).toList() + " serve " + host.host()
                    + " on other ports than " + port);
            return new Leg(leg.from(), leg.to(), leg.service(), leg.host(), leg.port(), leg.protocol(),
                    leg.decisions(), notes);
        }
        return leg;
    }

    /** What a person reads: the verdict, then each path with its layers, the rule to change and the fix. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(verdict).append(": ").append(from).append(" -> ").append(to).append(" on ").append(port);
        request.ifPresent(r -> out.append(" (").append(r).append(')'));
        out.append('\n');
        for (Leg leg : legs) {
            out.append("  ").append(leg.from().name()).append(" -> ").append(leg.target());
            if (!leg.target().equals(leg.to().name())) {
                out.append(" (").append(leg.to().name()).append(')');
            }
            out.append(": ").append(leg.outcome());
            leg.deciding().ifPresent(d -> out.append(" at ").append(d.layer()).append(" (").append(d.enforcer())
                    .append(')'));
            out.append('\n');
            for (Decision d : leg.decisions()) {
                out.append(String.format("    %-7s %-11s %s: %s%n", d.layer(), d.outcome(), d.enforcer(), d.reason()));
            }
            leg.deciding().flatMap(Decision::change).ifPresent(c -> out.append("    rule to change: ").append(c)
                    .append('\n'));
            leg.notes().forEach(n -> out.append("    note: ").append(n).append('\n'));
        }
        fix.ifPresent(f -> out.append("  fix: ").append(f).append('\n'));
        return out.toString();
    }

    /** One line: the verdict and, for a denial, the deciding layer and rule; for {@code --batch}. */
    public String line() {
        StringBuilder out = new StringBuilder(verdict.name());
        legs.stream().filter(l -> !l.allowed()).findFirst().flatMap(Leg::deciding).ifPresent(d -> out.append(" at ")
                .append(d.layer()).append(" (").append(d.enforcer()).append("): ").append(d.reason()));
        if (verdict == Verdict.ALLOWED || verdict == Verdict.CONDITIONAL) {
            legs.get(0).decisions().stream().map(d -> d.decidedBy().orElse("")).filter(s -> !s.isEmpty())
                    .reduce((a, b) -> a + "; " + b).ifPresent(by -> out.append(" by ").append(by));
        }
        fix.ifPresent(f -> out.append("; fix: ").append(f));
        return out.toString();
    }

    /** The answer for machines; its fields are documented in docs/check.md. */
    public Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("from", from);
        root.put("to", to);
        root.put("port", port);
        root.put("request", request.map(HttpRequest::toString).orElse(null));
        root.put("verdict", verdict.name());
        root.put("legs", legs.stream().map(leg -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", leg.from().name());
            m.put("to", leg.to().name());
            m.put("service", leg.service().orElse(null));
            m.put("host", leg.host().orElse(null));
            m.put("port", leg.portText());
            m.put("outcome", leg.outcome().name());
            m.put("decidingLayer", leg.deciding().map(Decision::layer).orElse(null));
            m.put("decisions", leg.decisions().stream().map(d -> {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("layer", d.layer());
                dm.put("enforcer", d.enforcer());
                dm.put("outcome", d.outcome().name());
                dm.put("decidedBy", d.decidedBy().orElse(null));
                dm.put("reason", d.reason());
                dm.put("change", d.change().orElse(null));
                return dm;
            }).toList());
            m.put("notes", leg.notes());
            return m;
        }).toList());
        root.put("fix", fix.orElse(null));
        return root;
    }
}
