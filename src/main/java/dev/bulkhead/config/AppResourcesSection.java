package dev.bulkhead.config;

import dev.bulkhead.model.Quantity;
import dev.bulkhead.model.ResourcesSpec;

import java.util.List;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads an app's {@code resources}: the CPU and memory the container requests, and optionally its {@code limits};
 * limits not given are derived ({@link ResourcesSpec}). A limit below its request is refused, since Kubernetes would
 * refuse the pod.
 */
final class AppResourcesSection {

    static final List<String> KEYS = List.of("cpu", "memory", "limits");
    static final List<String> LIMIT_KEYS = List.of("cpu", "memory");
    static final String CPU_RULE = "a CPU amount such as 250m, 0.5 or 1";
    static final String MEMORY_RULE = "a memory amount in Mi or Gi such as 256Mi or 1Gi";
    /** Below this, a container runtime cannot start most processes. */
    static final Quantity MIN_MEMORY = Quantity.parse("16Mi");

    private AppResourcesSection() {
    }

    /** The resources, or {@code null} after recording errors. */
    static ResourcesSpec read(Checks checks, Fields f) {
        ConfigReader reader = checks.reader();
        int before = reader.errorCount();
        Quantity cpu = quantity(reader, f, "cpu", ResourcesSpec.DEFAULT.cpu(), false);
        Quantity memory = quantity(reader, f, "memory", ResourcesSpec.DEFAULT.memory(), true);
        Fields limits = f.fields("limits", LIMIT_KEYS, false);
        Quantity limitCpu = quantity(reader, limits, "cpu", null, false);
        Quantity limitMemory = quantity(reader, limits, "memory", null, true);
        if (reader.errorCount() != before) {
            return null;
        }
        ResourcesSpec derived = ResourcesSpec.derived(cpu, memory);
        limitCpu = limitCpu == null ? derived.limitCpu() : limitCpu;
        limitMemory = limitMemory == null ? derived.limitMemory() : limitMemory;
        if (limitCpu.compareTo(cpu) < 0) {
            reader.error(limits.path("cpu"), quote(limitCpu.text()) + " is below the CPU request " + quote(cpu.text())
                    + "; a limit must be at least the request");
        }
        if (limitMemory.compareTo(memory) < 0) {
            reader.error(limits.path("memory"), quote(limitMemory.text()) + " is below the memory request "
                    + quote(memory.text()) + "; a limit must be at least the request");
        }
        return reader.errorCount() != before ? null : new ResourcesSpec(cpu, memory, limitCpu, limitMemory);
    }

    private static Quantity quantity(ConfigReader reader, Fields f, String key, Quantity defaultValue, boolean memory) {
        Node node = f.node(key);
        if (node == null) {
            return defaultValue;
        }
        String rule = memory ? MEMORY_RULE : CPU_RULE;
        String text;
        if (node.value() instanceof Number n) {
            text = ConfigReader.format(n);
        } else if (node.value() instanceof String s) {
            text = s;
        } else {
            reader.error(node.path(), "expected " + rule + ", got " + ConfigReader.describe(node.value()));
            return null;
        }
        if (!Quantity.isValid(text)) {
            reader.error(node.path(), quote(text) + " is not a Kubernetes quantity; write " + rule);
            return null;
        }
        Quantity q = Quantity.parse(text);
        if (memory && (text.endsWith("m") || q.compareTo(MIN_MEMORY) < 0)) {
            reader.error(node.path(), quote(text) + " is too little memory for a container; write " + rule
                    + " (at least " + MIN_MEMORY + ")");
            return null;
        }
        if (!memory && (q.value().signum() <= 0 || q.value().movePointRight(3).stripTrailingZeros().scale() > 0)) {
            reader.error(node.path(), quote(text) + " is not a usable CPU amount; write " + rule
                    + " (at least 1m, in whole millicores)");
            return null;
        }
        return q;
    }
}
