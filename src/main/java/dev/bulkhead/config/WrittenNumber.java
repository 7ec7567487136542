package dev.bulkhead.config;

/**
 * A number a stack file writes with a fraction or an exponent ({@code 0.25}, {@code 3.0}, {@code 1e3}), kept with its
 * text: messages quote it as written, and a place that takes an integer can refuse {@code 3.0} instead of reading 3.
 */
final class WrittenNumber extends Number {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final double value;

    WrittenNumber(String text, double value) {
        this.text = text;
        this.value = value;
    }

    String text() {
        return text;
    }

    /** The value as a whole number, if it is one ({@code 3.0}, {@code 1e3}). */
    boolean integral() {
        return value == Math.rint(value) && Math.abs(value) <= Long.MAX_VALUE;
    }

    @Override
    public int intValue() {
        return (int) value;
    }

    @Override
    public long longValue() {
        return (long) value;
    }

    @Override
    public float floatValue() {
        return (float) value;
    }

    @Override
    public double doubleValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrittenNumber other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
