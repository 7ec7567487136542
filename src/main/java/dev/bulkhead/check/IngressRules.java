package dev.bulkhead.check;

import dev.bulkhead.check.Rule.Violation;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.bulkhead.check.Severity.ERROR;

/** The projects' ALBs: HTTPS only with a TLS 1.3 policy, HTTP only to redirect, malformed headers dropped. */
final class IngressRules {

    static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    static final String LISTENER = "aws:lb/listener:Listener";
    static final Set<String> TLS_POLICIES = Set.of("ELBSecurityPolicy-TLS13-1-2-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-Res-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04");

    private IngressRules() {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("ingress.https-only", "ingress", ERROR,
                        "every ALB listener is HTTPS, or HTTP whose only action redirects to HTTPS",
                        "make the listener HTTPS with the project's certificate, or give the HTTP listener a single "
                                + "redirect action {protocol: HTTPS, port: 443, statusCode: HTTP_301}",
                        IngressRules::httpsOnly),
                new Rule("ingress.tls-policy", "ingress", ERROR,
                        "HTTPS listeners use a TLS 1.3 security policy (" + String.join(", ", TLS_POLICIES.stream()
                                .sorted().toList()) + ")",
                        "set the listener's sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 or stricter",
                        Rule.eachOf(LISTENER, l -> !"HTTPS".equals(l.inputs().get("protocol"))
                                || TLS_POLICIES.contains(String.valueOf(l.inputs().get("sslPolicy"))) ? null
                                : "sslPolicy is " + l.inputs().get("sslPolicy"))),
                new Rule("ingress.drop-invalid-headers", "ingress", ERROR,
                        "ALBs drop HTTP headers with invalid fields and use the strictest desync mitigation",
                        "set dropInvalidHeaderFields: true and desyncMitigationMode: strictest",
                        Rule.eachOf(LOAD_BALANCER, lb -> Plain.truthy(lb.inputs().get("dropInvalidHeaderFields"))
                                && "strictest".equals(lb.inputs().get("desyncMitigationMode")) ? null
                                : "dropInvalidHeaderFields " + lb.inputs().get("dropInvalidHeaderFields")
                                + ", desyncMitigationMode " + lb.inputs().get("desyncMitigationMode"))));
    }

    private static List<Violation> httpsOnly(RenderView view) {
        List<Violation> out = new ArrayList<>();
        for (RenderedResource listener : view.ofType(LISTENER)) {
            String protocol = String.valueOf(listener.inputs().get("protocol"));
            if (protocol.equals("HTTPS")) {
                if (listener.inputs().get("certificateArn") == null) {
                    out.add(new Violation(RenderView.describe(listener), "HTTPS listener without a certificate"));
                }
                continue;
            }
            List<Object> actions = Plain.list(listener.inputs().get("defaultActions"));
            Map<String, Object> first = actions.size() == 1 ? Plain.map(actions.get(0)) : Map.of();
            boolean redirect = protocol.equals("HTTP") && "redirect".equals(first.get("type"))
                    && "HTTPS".equals(Plain.at(first, "redirect.protocol"));
            if (!redirect) {
                out.add(new Violation(RenderView.describe(listener), protocol + " listener with actions " + actions
                        + "; only a redirect to HTTPS is allowed"));
            }
        }
        return out;
    }
}
