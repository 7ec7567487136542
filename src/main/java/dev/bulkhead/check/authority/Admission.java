package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The render's admission guards, as one function from a request to a decision: every ValidatingAdmissionPolicy
 * with a denying binding, and the Kyverno ClusterPolicy rules of the one shape {@link KyvernoRule} evaluates.
 * Anything else about admission is unknown here, and unknown counts as admitting.
 */
public final class Admission {

    static final String POLICY = "ValidatingAdmissionPolicy";
    static final String BINDING = "ValidatingAdmissionPolicyBinding";
    static final String KYVERNO = "kubernetes:kyverno.io/v1:ClusterPolicy";

    private final List<ValidatingPolicy> policies = new ArrayList<>();
    private final List<KyvernoRule> kyverno = new ArrayList<>();

    public Admission(RenderView view) {
        List<RenderedResource> bindings = view.kind(BINDING).stream()
                .filter(b -> b.type().startsWith("kubernetes:admissionregistration.k8s.io/")).toList();
        for (RenderedResource policy : view.kind(POLICY)) {
            if (!policy.type().startsWith("kubernetes:admissionregistration.k8s.io/")) {
                continue;
            }
            String name = RenderView.name(policy);
            for (RenderedResource binding : bindings) {
                Map<String, Object> bindingSpec = RenderView.spec(binding);
                if (name.equals(bindingSpec.get("policyName"))) {
                    policies.add(new ValidatingPolicy(name, RenderView.spec(policy), bindingSpec));
                }
            }
        }
        for (RenderedResource policy : view.ofType(KYVERNO)) {
            Map<String, Object> spec = RenderView.spec(policy);
            if (spec.get("rules") instanceof List<?> rules) {
                for (Object rule : rules) {
                    if (rule instanceof Map<?, ?> r) {
                        @SuppressWarnings("unchecked")
                        KyvernoRule parsed = KyvernoRule.of(RenderView.name(policy), spec, (Map<String, Object>) r);
                        if (parsed != null) {
                            kyverno.add(parsed);
                        }
                    }
                }
            }
        }
    }

    public AdmissionDecision decide(AdmissionRequest request) {
        List<String> refusedBy = new ArrayList<>();
        List<String> unevaluated = new ArrayList<>();
        for (ValidatingPolicy policy : policies) {
            policy.judge(request, refusedBy, unevaluated);
        }
        for (KyvernoRule rule : kyverno) {
            String refusal = rule.refusal(request);
            if (refusal != null) {
                refusedBy.add(refusal);
            }
        }
        return new AdmissionDecision(refusedBy.isEmpty(), refusedBy, unevaluated);
    }
}
