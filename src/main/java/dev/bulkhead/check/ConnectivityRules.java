package dev.bulkhead.check;

import dev.bulkhead.check.Rule.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static dev.bulkhead.check.Severity.ERROR;

/**
 * The matrix holds no path that config did not declare: between projects, in from the internet, or out. One
 * finding per source, destination and rule, with every port it is open on, and the fix for that flow.
 */
final class ConnectivityRules {

    private ConnectivityRules() {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("connectivity.cross-project", "connectivity", ERROR,
                        "no path from one project (or a platform pod) to another project except a declared export "
                                + "through the exporting project's gateway",
                        "remove the rule that admits the other project; to share a service, declare an export with "
                                + "its consumers",
                        view -> undeclared(view, f -> !f.from().kind().external() && !f.to().kind().external())),
                new Rule("connectivity.internet-ingress", "connectivity", ERROR,
                        "no path from outside the cluster except from the public (ALB) subnets to a project's gateway",
                        "admit outside addresses only at the gateway, from the public subnets' CIDRs, on its port",
                        view -> undeclared(view, f -> f.from().kind().external())),
                new Rule("connectivity.undeclared-egress", "connectivity", ERROR,
                        "no way out of a project except DNS, the egress waypoint and its own declared CIDR rules",
                        "declare the destination in the project's egress list instead of widening a policy",
                        view -> undeclared(view, f -> f.to().kind().external())));
    }

    private static List<Violation> undeclared(RenderView view, Predicate<AllowedFlow> which) {
        Map<String, List<AllowedFlow>> grouped = new LinkedHashMap<>();
        for (AllowedFlow f : view.connectivity().undeclared()) {
            if (which.test(f)) {
                grouped.computeIfAbsent(f.from().name() + " -> " + f.to().name(), k -> new ArrayList<>()).add(f);
            }
        }
        for (AllowedFlow f : view.connectivity().meshDenied()) {
            if (!f.declared() && which.test(f)) {
                grouped.computeIfAbsent(f.from().name() + " -> " + f.to().name() + " (network layer)",
                        k -> new ArrayList<>()).add(f);
            }
        }
        List<Violation> out = new ArrayList<>();
        grouped.forEach((pair, flows) -> {
            AllowedFlow first = flows.get(0);
            Set<String> admittedBy = new TreeSet<>();
            flows.forEach(f -> f.leg().decisions().forEach(d -> d.decidedBy().ifPresent(admittedBy::add)));
            String resource = first.to().kind().managed() ? first.to().name() : first.from().name();
            String held = first.leg().allowed() ? "" : "; only the mesh still denies it ("
                    + first.leg().deciding().map(Decision::reason).orElse("") + ")";
            String admitted = admittedBy.isEmpty() ? "no NetworkPolicy isolates either end"
                    : "admitted by " + admittedBy;
            out.add(new Violation(resource, pair + " is allowed on " + CheckReport.ports(flows)
                    + ", and config declares no such flow; " + admitted + held, fix(view, first)));
        });
        return out;
    }

    /** The fix for one undeclared flow: narrow the rules that admit it, or declare it in config. */
    private static String fix(RenderView view, AllowedFlow flow) {
        List<String> network = new ArrayList<>();
        flow.leg().decisions().stream().filter(d -> d.layer().equals("network"))
                .forEach(d -> d.decidedBy().ifPresent(network::add));
        String narrow = network.isEmpty()
                ? "isolate the pods: give their namespaces the default-deny NetworkPolicy (see isolation.default-deny)"
                : "remove or narrow the rules of " + network + " that admit it";
        return Fixes.forFlow(view, flow.from().party(), flow.to().party(), Optional.empty(), Optional.empty(),
                flow.port()).map(declare -> narrow + "; or, if the flow is wanted, " + declare).orElse(narrow);
    }
}
