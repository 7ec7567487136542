package dev.bulkhead.config;

import dev.bulkhead.model.IngressSpec;

import java.util.List;

/**
 * The ALB security policies a project's HTTPS listener may use: only TLS 1.3 policies (TLS 1.2 fallback at most,
 * forward-secret AEAD ciphers), with their FIPS variants. Older policies that still allow TLS 1.0/1.1 or CBC
 * ciphers are refused.
 */
final class TlsPolicies {

    static final String DEFAULT = IngressSpec.DEFAULT_TLS_POLICY;

    static final List<String> ALLOWED = List.of(
            "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
            "ELBSecurityPolicy-TLS13-1-3-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
            "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
            "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04");

    private TlsPolicies() {
    }
}
