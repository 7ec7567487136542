package dev.bulkhead.config;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an unquoted scalar in a stack file means inside a structured value, decided as the Pulumi engine decides it:
 * the engine reads stack files with go-yaml v3, which resolves {@code on} and {@code yes} as text (YAML 1.2) but
 * still reads {@code 0443} as the octal number 291 (YAML 1.1), drops {@code _} from numbers and reads {@code 7:23}
 * as text where YAML 1.1 readers see the number 443. Where go-yaml v3, YAML 1.2 and YAML 1.1 readers disagree, or
 * where a reader of the file could take the value for something else, the scalar is refused with the way to write
 * what was meant. Everything else resolves exactly as go-yaml v3 resolves it.
 */
final class PlainScalars {

    /** A resolved value ({@code null}, Boolean, Long, {@link WrittenNumber} or String), or a refusal. */
    sealed interface Resolution permits Resolved, Refusal {
    }

    record Resolved(Object value) implements Resolution {
    }

    /** Why the scalar is refused, and how to write it instead; the message starts after the quoted value. */
    record Refusal(String message) implements Resolution {
    }

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSES = Set.of("false", "False", "FALSE");
    /** YAML 1.1 booleans that go-yaml v3 reads as text. */
    private static final Set<String> YAML11_BOOLEANS = Set.of("y", "yes", "n", "no", "on", "off");
    private static final List<String> YAML11_TRUE = List.of("y", "yes", "on");
    private static final Set<String> SPECIAL_FLOATS = Set.of(".inf", "+.inf", "-.inf", ".nan");

    private static final Pattern DECIMAL = Pattern.compile("^[-+]?(0|[1-9][0-9]*)$");
    private static final Pattern LEADING_ZERO = Pattern.compile("^[-+]?0[0-9]+$");
    private static final Pattern PREFIXED = Pattern.compile("^[-+]?0[xXoObB][0-9a-fA-F]+$");
    /** go-yaml v3's {@code yamlStyleFloat}, which YAML 1.2's core schema shares. */
    private static final Pattern FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    /** YAML 1.1 base-60 integers and floats, e.g. {@code 7:23} or {@code 1:30:00}. */
    private static final Pattern SEXAGESIMAL = Pattern.compile("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?$");

    private PlainScalars() {
    }

    static Resolution resolve(String text) {
        if (NULLS.contains(text)) {
            return new Resolved(null);
        }
        if (TRUES.contains(text)) {
            return new Resolved(Boolean.TRUE);
        }
        if (FALSES.contains(text)) {
            return new Resolved(Boolean.FALSE);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (YAML11_BOOLEANS.contains(lower)) {
            return new Refusal("is text to pulumi (go-yaml v3) but the boolean " + YAML11_TRUE.contains(lower)
                    + " to YAML 1.1 readers; write " + YAML11_TRUE.contains(lower) + " for the boolean, or quote it ("
                    + ConfigReader.quote(text) + ") for the text");
        }
        if (SPECIAL_FLOATS.contains(lower)) {
            return new Refusal("is not a finite number; write a number, or quote it (" + ConfigReader.quote(text)
                    + ") for the text");
        }
        if (text.contains("_")) {
            String digits = text.replace("_", "");
            Object number = goNumber(digits);
            if (number != null) {
                return new Refusal("is the number " + number + " to pulumi (go-yaml v3), which drops the '_', but text "
                        + "to YAML 1.2 readers; write " + number + ", or quote it (" + ConfigReader.quote(text)
                        + ") for the text");
            }
        }
        if (LEADING_ZERO.matcher(text).matches()) {
            String decimal = new BigInteger(text).toString();
            return new Refusal("has a leading zero: pulumi (go-yaml v3) reads it as " + goNumber(text)
                    + (goNumber(text).toString().equals(decimal) ? "" : " (octal)") + ", YAML 1.2 readers as " + decimal
                    + "; write " + decimal + ", or quote it (" + ConfigReader.quote(text) + ") for the text");
        }
        if (PREFIXED.matcher(text).matches() && goNumber(text) != null) {
            return new Refusal("is the number " + goNumber(text) + " written in another base; write it in decimal ("
                    + goNumber(text) + "), or quote it (" + ConfigReader.quote(text) + ") for the text");
        }
        if (SEXAGESIMAL.matcher(text).matches()) {
            return new Refusal("is text to pulumi (go-yaml v3) but a base-60 number to YAML 1.1 readers; quote it ("
                    + ConfigReader.quote(text) + ") for the text, or write the number in decimal");
        }
        if (DECIMAL.matcher(text).matches()) {
            BigInteger value = new BigInteger(text);
            if (value.bitLength() >= 64) {
                return new Refusal("is too large for a number; quote it (" + ConfigReader.quote(text) + ") for the text");
            }
            return new Resolved(value.longValue());
        }
        if (FLOAT.matcher(text).matches()) {
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                return new Refusal("is too large for a number; quote it (" + ConfigReader.quote(text) + ") for the text");
            }
            return new Resolved(new WrittenNumber(text, value));
        }
        return new Resolved(text);
    }

    /**
     * The number go-yaml v3 reads from {@code text} (Go's {@code strconv.ParseInt(text, 0, 64)}: {@code 0x}, {@code 0o},
     * {@code 0b} prefixes and a leading {@code 0} for octal, then a float), or {@code null} if it reads text.
     */
    static Object goNumber(String text) {
        String sign = text.startsWith("-") ? "-" : "";
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        int radix = 10;
        String digits = body;
        if (body.length() > 2 && body.charAt(0) == '0' && "xXoObB".indexOf(body.charAt(1)) >= 0) {
            radix = switch (Character.toLowerCase(body.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            digits = body.substring(2);
        } else if (body.length() > 1 && body.charAt(0) == '0') {
            radix = 8;
            digits = body.substring(1);
        }
        try {
            return new BigInteger(sign + digits, radix);
        } catch (NumberFormatException e) {
            // not an integer in that base: go-yaml then tries a float
        }
        if (FLOAT.matcher(text).matches()) {
            double value = Double.parseDouble(text);
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
        }
        return null;
    }
}
