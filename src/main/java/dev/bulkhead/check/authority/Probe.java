package dev.bulkhead.check.authority;

import java.util.Map;

/**
 * One write a tenant might try against the perimeter of one namespace, to be judged by RBAC and admission.
 *
 * @param what      what the write does, for findings (e.g. {@code create NetworkPolicy})
 * @param perimeter true for a write of a perimeter kind; false for an attack through another kind
 * @param verb      the RBAC verb the write needs
 * @param request   the write, sent by whoever is asked about ({@link AdmissionRequest#as})
 */
record Probe(String what, boolean perimeter, String verb, AdmissionRequest request) {

    /** The RBAC verb of an admission operation. */
    static String verb(String operation) {
        return switch (operation) {
            case "CREATE" -> "create";
            case "DELETE" -> "delete";
            default -> "update";
        };
    }

    static Map<String, Object> metadata(String name, String namespace, Map<String, String> labels) {
        return namespace == null ? Map.of("name", name, "labels", labels)
                : Map.of("name", name, "namespace", namespace, "labels", labels);
    }
}
