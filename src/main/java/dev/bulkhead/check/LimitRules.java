package dev.bulkhead.check;

import dev.bulkhead.check.Rule.Violation;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.bulkhead.check.Severity.ERROR;
import static dev.bulkhead.check.Severity.WARNING;

/**
 * What the plan asks of AWS that AWS would not do: NetworkPolicy rules the EKS network policy agent cannot enforce
 * (errors: the policy would not hold) and quotas the plan would exceed (warnings: raise them first).
 */
final class LimitRules {

    /** The EKS network policy agent's limit on unique port combinations per protocol in one rule. */
    static final int MAX_PORT_COMBINATIONS = 24;
    static final int MAX_ALBS_PER_REGION = 50;
    static final int MAX_RULES_PER_ALB = 100;
    static final int MAX_TARGET_GROUPS_PER_ALB = 100;
    static final String LISTENER_RULE = "aws:lb/listenerRule:ListenerRule";
    static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";

    private LimitRules() {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("limits.netpol-ports", "limits", ERROR,
                        "no NetworkPolicy rule names more than " + MAX_PORT_COMBINATIONS + " unique port combinations "
                                + "per protocol (the EKS network policy agent does not enforce more)",
                        "split the rule into several rules, or use port ranges (port with endPort)",
                        LimitRules::portCombinations),
                new Rule("limits.albs-per-region", "limits", WARNING,
                        "at most " + MAX_ALBS_PER_REGION + " ALBs per region (the default quota)",
                        "request a quota increase for Application Load Balancers per Region before deploying",
                        view -> {
                            int albs = view.ofType(IngressRules.LOAD_BALANCER).size();
                            return albs <= MAX_ALBS_PER_REGION ? List.of()
                                    : List.of(new Violation("(stack)", albs + " ALBs in one region"));
                        }),
                new Rule("limits.alb-rules", "limits", WARNING,
                        "at most " + MAX_RULES_PER_ALB + " listener rules per ALB (the default quota)",
                        "request a quota increase for rules per Application Load Balancer, or split the project",
                        view -> perAlb(view, LISTENER_RULE, MAX_RULES_PER_ALB, "listener rules")),
                new Rule("limits.alb-target-groups", "limits", WARNING,
                        "at most " + MAX_TARGET_GROUPS_PER_ALB + " target groups per ALB (the default quota)",
                        "request a quota increase for target groups per Application Load Balancer",
                        view -> perAlb(view, TARGET_GROUP, MAX_TARGET_GROUPS_PER_ALB, "target groups")));
    }

    private static List<Violation> portCombinations(RenderView view) {
        List<Violation> out = new ArrayList<>();
        for (RenderedResource policy : view.ofType(RenderView.NETWORK_POLICY)) {
            for (var rule : PolicyContents.rules(policy)) {
                for (Map.Entry<String, Set<String>> e : PolicyContents.combinations(rule.getValue()).entrySet()) {
                    if (e.getValue().size() > MAX_PORT_COMBINATIONS) {
                        out.add(new Violation(RenderView.describe(policy), "an " + rule.getKey() + " rule names "
                                + e.getValue().size() + " " + e.getKey() + " port combinations"));
                    }
                }
            }
        }
        return out;
    }

    /** Resources of {@code type} counted per owner of an ALB: the component that is the ALB's parent. */
    private static List<Violation> perAlb(RenderView view, String type, int max, String what) {
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> owners = new java.util.HashSet<>(view.ofType(IngressRules.LOAD_BALANCER).stream()
                .map(lb -> lb.parent().orElse("(stack)")).toList());
        for (RenderedResource r : view.ofType(type)) {
            String owner = r.parent().orElse("(stack)");
            if (owners.contains(owner)) {
                counts.merge(owner, 1, Integer::sum);
            }
        }
        List<Violation> out = new ArrayList<>();
        counts.forEach((owner, count) -> {
            if (count > max) {
                out.add(new Violation(owner, count + " " + what + " for one ALB"));
            }
        });
        return out;
    }
}
