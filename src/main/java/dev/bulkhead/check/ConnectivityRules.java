package dev.bulkhead.check;

import dev.bulkhead.check.Rule.Violation;

import java.util.List;
import java.util.function.Predicate;

import static dev.bulkhead.check.Severity.ERROR;

/** The matrix holds no path that config did not declare: between projects, in from the internet, or out. */
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
        return view.connectivity().undeclared().stream().filter(which)
                .map(f -> new Violation(f.to().kind().managed() ? f.to().name() : f.from().name(),
                        f.from().name() + " -> " + f.to().name() + " " + f.portText() + " is allowed: "
                                + f.verdict().explain()))
                .toList();
    }
}
