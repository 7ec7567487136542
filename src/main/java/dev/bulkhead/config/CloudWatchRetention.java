package dev.bulkhead.config;

import java.util.List;

/** The retention periods CloudWatch Logs accepts for a log group; any other number is rejected by the API. */
final class CloudWatchRetention {

    /** Every value {@code PutRetentionPolicy} accepts, in days. */
    static final List<Integer> DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /** One year: long enough for an audit trail of the control plane and the network. */
    static final int DEFAULT_DAYS = 365;

    private CloudWatchRetention() {
    }

    /** Checks a retention read from {@code node} (absent: the default, always valid). */
    static void check(ConfigReader reader, Node node, int days) {
        if (node == null || DAYS.contains(days)) {
            return;
        }
        int below = DAYS.stream().filter(d -> d < days).reduce((a, b) -> b).orElse(DAYS.get(0));
        int above = DAYS.stream().filter(d -> d > days).findFirst().orElse(DAYS.get(DAYS.size() - 1));
        reader.error(node.path(), days + " is not a CloudWatch Logs retention period (nearest: " + below + " or "
                + above + "); use one of " + DAYS);
    }
}
