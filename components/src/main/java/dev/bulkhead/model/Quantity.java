package dev.bulkhead.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity as Bulkhead writes them ({@code 250m}, {@code 1.5}, {@code 256Mi}, {@code 1G}),
 * with its value in base units (cores or bytes) so that requests, limits and quota totals can be compared and
 * added. Exponent forms ({@code 1e3}) are not accepted.
 *
 * @param text  the quantity as written
 * @param value the amount in base units
 */
public record Quantity(String text, BigDecimal value) implements Comparable<Quantity> {

    private static final Pattern FORM = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$");
    private static final Map<String, BigDecimal> SUFFIXES = Map.of(
            "m", new BigDecimal("0.001"),
            "k", BigDecimal.TEN.pow(3),
            "M", BigDecimal.TEN.pow(6),
            "G", BigDecimal.TEN.pow(9),
            "T", BigDecimal.TEN.pow(12),
            "Ki", BigDecimal.valueOf(1024),
            "Mi", BigDecimal.valueOf(1024L * 1024),
            "Gi", BigDecimal.valueOf(1024L * 1024 * 1024),
            "Ti", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024));

    public Quantity {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} naming the accepted forms. */
    public static Quantity parse(String text) {
        Matcher m = FORM.matcher(Objects.requireNonNull(text, "quantity"));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a quantity; write a number with an optional "
                    + "suffix m, k, M, G, T, Ki, Mi, Gi or Ti, e.g. 250m, 1.5, 256Mi");
        }
        BigDecimal number = new BigDecimal(m.group(1));
        BigDecimal scale = m.group(2) == null ? BigDecimal.ONE : SUFFIXES.get(m.group(2));
        return new Quantity(text, number.multiply(scale));
    }

    /** Whether {@code text} is a quantity {@link #parse} accepts. */
    public static boolean isValid(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** A CPU amount {@code factor} times this one, written in whole cores or millicores. */
    public Quantity timesCpu(int factor) {
        BigDecimal cores = value.multiply(BigDecimal.valueOf(factor));
        BigDecimal millis = cores.multiply(BigDecimal.valueOf(1000)).stripTrailingZeros();
        String written = cores.stripTrailingZeros().scale() <= 0
                ? cores.stripTrailingZeros().toPlainString()
                : millis.setScale(0, java.math.RoundingMode.CEILING).toPlainString() + "m";
        return parse(written);
    }

    /** This amount times {@code factor}, for totals; the text says how it was computed. */
    public Quantity times(int factor) {
        return new Quantity(factor + "x" + text, value.multiply(BigDecimal.valueOf(factor)));
    }

    public Quantity plus(Quantity other) {
        return new Quantity(text + "+" + other.text, value.add(other.value));
    }

    public static Quantity zero() {
        return new Quantity("0", BigDecimal.ZERO);
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return text;
    }
}
