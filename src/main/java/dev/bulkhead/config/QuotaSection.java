package dev.bulkhead.config;

import dev.bulkhead.model.QuotaSpec;

import java.util.List;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads a project's {@code quota}: ResourceQuota totals and LimitRange defaults per namespace. Every key is
 * optional and defaults to {@link QuotaSpec#defaults()}; quantities may be written as numbers.
 */
final class QuotaSection {

    static final List<String> KEYS = List.of("requestsCpu", "requestsMemory", "limitsCpu", "limitsMemory", "pods",
            "services", "defaultRequestCpu", "defaultRequestMemory", "defaultLimitCpu", "defaultLimitMemory");
    static final String QUANTITY_RULE = "write a number with an optional suffix m, k, Ki, Mi, Gi, Ti, M, G or T, "
            + "e.g. 500m, 2 or 8Gi";

    private QuotaSection() {
    }

    static QuotaSpec read(Checks checks, Fields f) {
        QuotaSpec d = QuotaSpec.defaults();
        ConfigReader reader = checks.reader();
        int pods = f.integer("pods", d.pods());
        atLeast(reader, f.node("pods"), pods, 1);
        int services = f.integer("services", d.services());
        atLeast(reader, f.node("services"), services, 0);
        String defaultRequestCpu = quantity(reader, f, "defaultRequestCpu", d.defaultRequestCpu());
        String defaultRequestMemory = quantity(reader, f, "defaultRequestMemory", d.defaultRequestMemory());
        String defaultLimitCpu = quantity(reader, f, "defaultLimitCpu", d.defaultLimitCpu());
        String defaultLimitMemory = quantity(reader, f, "defaultLimitMemory", d.defaultLimitMemory());
        // The API server refuses a LimitRange whose default request exceeds its default limit.
        notAbove(reader, f, "defaultRequestCpu", defaultRequestCpu, "defaultLimitCpu", defaultLimitCpu);
        notAbove(reader, f, "defaultRequestMemory", defaultRequestMemory, "defaultLimitMemory", defaultLimitMemory);
        return new QuotaSpec(
                quantity(reader, f, "requestsCpu", d.requestsCpu()),
                quantity(reader, f, "requestsMemory", d.requestsMemory()),
                quantity(reader, f, "limitsCpu", d.limitsCpu()),
                quantity(reader, f, "limitsMemory", d.limitsMemory()),
                pods,
                services,
                defaultRequestCpu,
                defaultRequestMemory,
                defaultLimitCpu,
                defaultLimitMemory);
    }

    private static void notAbove(ConfigReader reader, Fields f, String requestKey, String request, String limitKey,
                                 String limit) {
        if (Quantities.value(request).compareTo(Quantities.value(limit)) > 0) {
            String key = f.node(requestKey) != null ? requestKey : limitKey;
            reader.error(f.path(key), requestKey + " " + request + " is above " + limitKey + " " + limit + "; the "
                    + "LimitRange's default request must not exceed its default limit (the API server refuses it): "
                    + "lower " + requestKey + " or raise " + limitKey);
        }
    }

    private static String quantity(ConfigReader reader, Fields f, String key, String defaultValue) {
        Node node = f.node(key);
        if (node == null || ConfigReader.refused(node)) {
            return defaultValue;
        }
        String text;
        if (node.value() instanceof Number n) {
            text = ConfigReader.format(n);
        } else if (node.value() instanceof String s) {
            text = s;
        } else {
            reader.error(node.path(), "expected a Kubernetes quantity, got " + ConfigReader.describe(node.value())
                    + "; " + QUANTITY_RULE);
            return defaultValue;
        }
        if (!Formats.QUANTITY.matcher(text).matches()) {
            reader.error(node.path(), quote(text) + " is not a Kubernetes quantity; " + QUANTITY_RULE);
            return defaultValue;
        }
        return text;
    }

    private static void atLeast(ConfigReader reader, Node node, int value, int min) {
        if (node != null && value < min) {
            reader.error(node.path(), value + " is too small; use an integer of at least " + min);
        }
    }
}
