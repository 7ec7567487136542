package dev.bulkhead.netpol;

import java.util.Locale;

/** The two directions a NetworkPolicy can isolate, as {@code spec.policyTypes} names them. */
enum Direction {
    INGRESS("Ingress"), EGRESS("Egress");

    final String policyType;

    Direction(String policyType) {
        this.policyType = policyType;
    }

    String lowerCase() {
        return policyType.toLowerCase(Locale.ROOT);
    }
}
