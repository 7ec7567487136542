package dev.bulkhead.netpol;

import dev.bulkhead.netpol.Endpoint.Pod;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.bulkhead.netpol.Fixtures.evaluator;
import static dev.bulkhead.netpol.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code matchLabels} and each {@code matchExpressions} operator, seen through which pods a policy isolates. */
class LabelSelectorTest {

    private final Pod prod = Pod.of("shop", Map.of("tier", "prod", "app", "web"));
    private final Pod staging = Pod.of("shop", Map.of("tier", "staging"));
    private final Pod untiered = Pod.of("shop", Map.of("app", "web"));
    private final Pod bare = Pod.of("shop");

    /** Whether a deny-ingress policy with this podSelector isolates the pod. */
    private static boolean selects(String podSelector, Pod pod) {
        NetworkPolicyEvaluator evaluator = evaluator(policy("shop", "deny", """
                {"podSelector": %s, "policyTypes": ["Ingress"]}
                """.formatted(podSelector)));
        return evaluator.evaluate(Flow.tcp(Pod.of("elsewhere"), pod, 80)).ingress().isolated();
    }

    private void assertSelects(String selector, boolean prod, boolean staging, boolean untiered, boolean bare) {
        assertEquals(prod, selects(selector, this.prod), "prod");
        assertEquals(staging, selects(selector, this.staging), "staging");
        assertEquals(untiered, selects(selector, this.untiered), "untiered");
        assertEquals(bare, selects(selector, this.bare), "bare");
    }

    @Test
    void emptySelectorSelectsEveryPod() {
        assertSelects("{}", true, true, true, true);
    }

    @Test
    void matchLabelsNeedsEveryLabel() {
        assertSelects("{\"matchLabels\": {\"tier\": \"prod\"}}", true, false, false, false);
        assertSelects("{\"matchLabels\": {\"tier\": \"prod\", \"app\": \"api\"}}", false, false, false, false);
    }

    @Test
    void inNeedsTheLabelWithOneOfTheValues() {
        assertSelects(expression("tier", "In", "prod", "staging"), true, true, false, false);
    }

    @Test
    void notInAlsoMatchesPodsWithoutTheLabel() {
        assertSelects(expression("tier", "NotIn", "prod"), false, true, true, true);
    }

    @Test
    void existsNeedsTheLabelWithAnyValue() {
        assertSelects(expression("tier", "Exists"), true, true, false, false);
    }

    @Test
    void doesNotExistNeedsTheLabelAbsent() {
        assertSelects(expression("tier", "DoesNotExist"), false, false, true, true);
    }

    @Test
    void allRequirementsAreAnded() {
        assertSelects("""
                {"matchLabels": {"app": "web"},
                 "matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["staging"]},
                                      {"key": "tier", "operator": "Exists"}]}
                """, true, false, false, false);
    }

    private static String expression(String key, String operator, String... values) {
        String list = values.length == 0 ? "" : ", \"values\": [\"" + String.join("\", \"", values) + "\"]";
        return "{\"matchExpressions\": [{\"key\": \"" + key + "\", \"operator\": \"" + operator + "\"" + list + "}]}";
    }
}
