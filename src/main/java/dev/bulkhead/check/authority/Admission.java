package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.check.authority.cel.CelException;
import dev.bulkhead.check.authority.cel.CelExpression;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

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
    /** The parts of the policies' CEL that read the requester and nothing else; see {@link #observe}. */
    private final List<CelExpression> requesterParts = new ArrayList<>();
    /** True when some expression reads {@code request} whole, so no part isolates the requester. */
    private boolean readsRequestWhole;
    private final AtomicLong decisions = new AtomicLong();

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
        for (ValidatingPolicy policy : policies) {
            for (String expression : policy.expressions()) {
                try {
                    CelCache.compile(expression).partsReading("request", "userInfo")
                            .ifPresentOrElse(requesterParts::addAll, () -> readsRequestWhole = true);
                } catch (CelException e) {
                    // it fails alike for everyone: nothing in it tells requesters apart
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
        decisions.incrementAndGet();
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

    /** How many requests {@link #decide} has judged: the work admission has done. */
    public long decisions() {
        return decisions.get();
    }

    /**
     * All the guards can tell of {@code identity}: two identities with equal observations get the same decision on
     * every request, whatever else differs between them. A ValidatingAdmissionPolicy sees the requester only through
     * {@code request.userInfo}, and a CEL expression's value (or error) is a function of the values of its parts; so
     * the values of the largest parts that read {@code request.userInfo} and nothing else (such as
     * {@code 'admins' in request.userInfo.groups || request.userInfo.username in [...]}) are all its expressions learn
     * of who asks. A guard that names one identity, literally or by a pattern, gives it observations of its own. A
     * Kyverno rule sees the requester through its excluded subjects only. When an expression reads {@code request}
     * whole, the observation holds the user name and groups themselves: every identity is then one of a kind.
     */
    List<Object> observe(Identity identity) {
        List<Object> seen = new ArrayList<>();
        Map<String, Object> requester = Map.of("request", Map.of("userInfo", AdmissionRequest.userInfo(identity)));
        for (CelExpression part : requesterParts) {
            try {
                seen.add(new Outcome(part.evaluate(requester), null));
            } catch (CelException e) {
                seen.add(new Outcome(null, e.kind() + ": " + e.getMessage()));
            }
        }
        for (KyvernoRule rule : kyverno) {
            seen.add(rule.excluding(identity));
        }
        if (readsRequestWhole) {
            seen.add(identity.username());
            seen.add(identity.groups());
        }
        return seen;
    }

    /** The value of an expression, or its error. */
    private record Outcome(Object value, String error) {
    }
}
