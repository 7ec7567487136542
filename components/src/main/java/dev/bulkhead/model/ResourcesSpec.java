package dev.bulkhead.model;

import java.util.Objects;

/**
 * CPU and memory of one app container: what the scheduler reserves (requests) and the ceiling (limits). Limits not
 * given are derived: CPU at twice the request (room for bursts), memory equal to the request (a container that
 * grows past what was reserved is the one killed, not a neighbour).
 */
public record ResourcesSpec(Quantity cpu, Quantity memory, Quantity limitCpu, Quantity limitMemory) {

    public static final ResourcesSpec DEFAULT = derived(Quantity.parse("100m"), Quantity.parse("128Mi"));
    /** How much CPU a derived limit allows above the request. */
    public static final int CPU_BURST = 2;

    public ResourcesSpec {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(limitCpu, "limitCpu");
        Objects.requireNonNull(limitMemory, "limitMemory");
        if (limitCpu.compareTo(cpu) < 0 || limitMemory.compareTo(memory) < 0) {
            throw new IllegalArgumentException("limits (" + limitCpu + ", " + limitMemory + ") below requests ("
                    + cpu + ", " + memory + ")");
        }
    }

    /** Requests with the limits derived from them. */
    public static ResourcesSpec derived(Quantity cpu, Quantity memory) {
        return new ResourcesSpec(cpu, memory, cpu.timesCpu(CPU_BURST), memory);
    }
}
