package dev.bulkhead.check.authority;

import java.util.List;

/**
 * What one tenant identity can do to the perimeter, three ways.
 *
 * @param identity  the identity
 * @param writes    what it can do (RBAC allows it and admission admits it), then what grants it
 * @param granted   perimeter writes and escalations RBAC alone grants it, whatever admission says, then what grants
 *                  them
 * @param admitted  perimeter writes and attacks admission alone admits from it, whatever RBAC says
 */
public record IdentityAuthority(Identity identity, List<String> writes, List<String> granted, List<String> admitted) {

    public IdentityAuthority {
        writes = List.copyOf(writes);
        granted = List.copyOf(granted);
        admitted = List.copyOf(admitted);
    }

    /** The report's line: "writes no perimeter object", or what it writes. */
    public String summary() {
        return writes.isEmpty() ? "writes no perimeter object" : "WRITES THE PERIMETER: " + String.join("; ", writes);
    }
}
