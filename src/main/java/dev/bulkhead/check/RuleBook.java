package dev.bulkhead.check;

import dev.bulkhead.check.authority.AuthorityRules;

import java.util.ArrayList;
import java.util.List;

/**
 * Every rule {@code check} applies, by category. To add a rule, add an entry to its category's list; ids are
 * {@code <category>.<name>} and unique.
 */
public final class RuleBook {

    private RuleBook() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(ClusterRules.rules());
        rules.addAll(AccessRules.rules());
        rules.addAll(IsolationRules.rules());
        rules.addAll(ConnectivityRules.rules());
        rules.addAll(IngressRules.rules());
        rules.addAll(LimitRules.rules());
        rules.addAll(WorkloadRules.rules());
        rules.addAll(AuthorityRules.rules());
        return List.copyOf(rules);
    }
}
