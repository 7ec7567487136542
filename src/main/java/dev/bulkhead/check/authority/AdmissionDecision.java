package dev.bulkhead.check.authority;

import java.util.List;

/**
 * What admission does with a request.
 *
 * @param admitted    true when no guard refuses it
 * @param refusedBy   the guards that refuse it, each as {@code "<policy>: <message>"}
 * @param unevaluated guards that apply but could not be evaluated here, and so counted as no guard
 */
public record AdmissionDecision(boolean admitted, List<String> refusedBy, List<String> unevaluated) {

    public AdmissionDecision {
        refusedBy = List.copyOf(refusedBy);
        unevaluated = List.copyOf(unevaluated);
    }
}
