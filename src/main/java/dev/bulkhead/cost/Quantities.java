package dev.bulkhead.cost;

import java.util.Optional;

/** Kubernetes resource quantities as a cost estimate reads them: CPU in cores, memory in GiB. */
final class Quantities {

    private Quantities() {
    }

    /** {@code 250m} -> 0.25, {@code 2} -> 2.0; empty when it is not a CPU quantity. */
    static Optional<Double> cores(Object value) {
        String s = text(value);
        try {
            if (s.endsWith("m")) {
                return Optional.of(Double.parseDouble(s.substring(0, s.length() - 1)) / 1000);
            }
            return Optional.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code 128Mi} -> 0.125, {@code 1Gi} -> 1.0, {@code 500M} -> 0.466; empty when it is not a memory quantity. */
    static Optional<Double> gibibytes(Object value) {
        String s = text(value);
        String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        try {
            for (String[] unit : units) {
                if (s.endsWith(unit[0])) {
                    double bytes = Double.parseDouble(s.substring(0, s.length() - unit[0].length()))
                            * Double.parseDouble(unit[1]);
                    return Optional.of(bytes / (1L << 30));
                }
            }
            return Optional.of(Double.parseDouble(s) / (1L << 30));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).strip();
    }
}
