package dev.bulkhead.config;

import dev.bulkhead.model.PlatformSpec;

import java.util.Optional;

/**
 * What reading a project needs from the rest of the stack: the region its certificates must be in, the address
 * ranges its egress rules must stay out of, whether account-root developers are allowed, the MFA age their role's
 * trust policy states, and the platform's rules for app images (registries, tags). A value that could not be read
 * is {@code null} or empty, and the checks that depend on it are skipped.
 */
record ProjectContext(String region, Optional<Cidr> vpc, Optional<Cidr> services, boolean allowAccountRoot,
                      int mfaMaxAgeSeconds, PlatformSpec platform) {
}
