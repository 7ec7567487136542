package dev.bulkhead.model;

import java.util.List;
import java.util.Optional;

/**
 * A project's way in from the internet: its own ALB (HTTPS with {@code certificateArn} and {@code tlsPolicy})
 * in front of its own Istio gateway, serving {@code routes}.
 */
public record IngressSpec(String certificateArn, String tlsPolicy, Optional<String> webAclArn, List<RouteSpec> routes) {

    /** The default TLS policy: TLS 1.3 with TLS 1.2 fallback, modern ciphers only. */
    public static final String DEFAULT_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public IngressSpec {
        routes = List.copyOf(routes);
    }
}
