package dev.bulkhead.isolation;

import dev.bulkhead.naming.Labels;

import java.util.Map;

/**
 * Pod Security admission for project namespaces: {@code restricted} enforced, audited and warned about, each pinned
 * to one version of the standard so that a cluster upgrade cannot change what is admitted.
 */
public final class PodSecurity {

    public static final String LEVEL = "restricted";
    /** The Pod Security Standards version the labels pin. */
    public static final String VERSION = "v1.31";

    private PodSecurity() {
    }

    public static Map<String, String> labels() {
        return Map.of(
                Labels.POD_SECURITY_ENFORCE, LEVEL, Labels.POD_SECURITY_ENFORCE_VERSION, VERSION,
                Labels.POD_SECURITY_AUDIT, LEVEL, Labels.POD_SECURITY_AUDIT_VERSION, VERSION,
                Labels.POD_SECURITY_WARN, LEVEL, Labels.POD_SECURITY_WARN_VERSION, VERSION);
    }
}
