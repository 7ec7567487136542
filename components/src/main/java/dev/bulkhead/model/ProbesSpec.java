package dev.bulkhead.model;

import java.util.Objects;

/**
 * The three probes of an app container: {@code startup} holds the others off until the app has started,
 * {@code readiness} takes the pod out of its Service while it cannot serve, {@code liveness} restarts it when it hangs.
 */
public record ProbesSpec(ProbeSpec startup, ProbeSpec readiness, ProbeSpec liveness) {

    public ProbesSpec {
        Objects.requireNonNull(startup, "startup");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(liveness, "liveness");
    }

    /** The same check for all three. */
    public static ProbesSpec all(ProbeSpec probe) {
        return new ProbesSpec(probe, probe, probe);
    }
}
