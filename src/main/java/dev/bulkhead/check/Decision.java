package dev.bulkhead.check;

import java.util.Optional;

/**
 * What one layer of enforcement decided about a flow.
 *
 * @param layer     {@code network} (NetworkPolicies, the VPC CNI), {@code L4} (ztunnel) or {@code L7} (a waypoint
 *                  or gateway proxy)
 * @param enforcer  who enforces it: {@code NetworkPolicies}, {@code ztunnel at shop-api}, {@code waypoint ...}
 * @param decidedBy the policy (and rule) that decided, {@code namespace/name rule N}; empty when no policy did
 * @param reason    why, in one sentence
 * @param change    for a denial: the one rule that would have to change, and how
 */
public record Decision(String layer, String enforcer, Outcome outcome, Optional<String> decidedBy, String reason,
                       Optional<String> change) {

    /** ALLOWED and DENIED are decided; CONDITIONAL depends on the request (a method, a path, a JWT). */
    public enum Outcome {
        ALLOWED, CONDITIONAL, DENIED;

        public boolean passes() {
            return this != DENIED;
        }
    }

    public static Decision allowed(String layer, String enforcer, String decidedBy, String reason) {
        return new Decision(layer, enforcer, Outcome.ALLOWED, Optional.ofNullable(decidedBy), reason, Optional.empty());
    }

    public static Decision denied(String layer, String enforcer, String decidedBy, String reason, String change) {
        return new Decision(layer, enforcer, Outcome.DENIED, Optional.ofNullable(decidedBy), reason,
                Optional.ofNullable(change));
    }

    public static Decision conditional(String layer, String enforcer, String decidedBy, String reason) {
        return new Decision(layer, enforcer, Outcome.CONDITIONAL, Optional.ofNullable(decidedBy), reason,
                Optional.empty());
    }

    public boolean passes() {
        return outcome.passes();
    }
}
