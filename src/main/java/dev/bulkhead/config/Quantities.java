package dev.bulkhead.config;

import java.math.BigDecimal;
import java.util.Map;

/** The value of a Kubernetes quantity as {@link Formats#QUANTITY} accepts it ({@code 500m}, {@code 1.5}, {@code 8Gi}). */
final class Quantities {

    private static final Map<String, BigDecimal> SUFFIXES = Map.of(
            "m", new BigDecimal("0.001"),
            "k", BigDecimal.valueOf(1_000L),
            "M", BigDecimal.valueOf(1_000_000L),
            "G", BigDecimal.valueOf(1_000_000_000L),
            "T", BigDecimal.valueOf(1_000_000_000_000L),
            "Ki", BigDecimal.valueOf(1L << 10),
            "Mi", BigDecimal.valueOf(1L << 20),
            "Gi", BigDecimal.valueOf(1L << 30),
            "Ti", BigDecimal.valueOf(1L << 40));

    private Quantities() {
    }

    /** The quantity as a number of base units (cores, bytes). */
    static BigDecimal value(String quantity) {
        int end = quantity.length();
        while (end > 0 && Character.isLetter(quantity.charAt(end - 1))) {
            end--;
        }
        String suffix = quantity.substring(end);
        BigDecimal number = new BigDecimal(quantity.substring(0, end));
        return suffix.isEmpty() ? number : number.multiply(SUFFIXES.get(suffix));
    }
}
