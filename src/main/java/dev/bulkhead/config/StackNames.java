package dev.bulkhead.config;

import java.util.regex.Pattern;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * What a stack name may be. It names a file ({@code Pulumi.<stack>.yaml}), an output directory and the prefix of
 * every AWS name, so it is a plain name: Pulumi's characters (letters, digits, '-', '_', '.'), starting with a letter
 * or digit, never a path.
 */
final class StackNames {

    static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$");
    static final String RULE = "1 to 100 letters, digits, '-', '_' or '.', starting with a letter or digit, e.g. dev";

    private StackNames() {
    }

    /** The problem with {@code stack} as a stack name, or {@code null} if it is one. */
    static String problem(String stack) {
        if (stack == null || stack.isBlank()) {
            return "the stack name is empty; use " + RULE;
        }
        if (stack.contains("/")) {
            return quote(stack) + " is a path or a fully qualified name; use the stack's own name (" + RULE + ")";
        }
        if (stack.contains("..") || !NAME.matcher(stack).matches()) {
            return quote(stack) + " is not a stack name; use " + RULE;
        }
        return null;
    }

    static void require(String stack) throws ConfigException {
        String problem = problem(stack);
        if (problem != null) {
            throw new ConfigException(new ConfigError("stack", problem));
        }
    }
}
