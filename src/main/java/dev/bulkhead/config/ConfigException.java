package dev.bulkhead.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A stack configuration that cannot be used, with every problem found in it: validation does not stop at the
 * first error, so a user fixes the whole file in one go. The message lists one error per line, at most
 * {@value #MESSAGE_LIMIT} of them.
 */
public final class ConfigException extends Exception {

    /** More errors than this are counted in the message, not listed. */
    static final int MESSAGE_LIMIT = 100;

    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(message(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public ConfigException(ConfigError error) {
        this(List.of(error));
    }

    /** Every error, in the order the configuration was read. */
    public List<ConfigError> errors() {
        return errors;
    }

    private static String message(List<ConfigError> errors) {
        String listed = errors.stream().limit(MESSAGE_LIMIT).map(ConfigError::toString)
                .collect(Collectors.joining("\n"));
        return errors.size() <= MESSAGE_LIMIT ? listed
                : listed + "\n... and " + (errors.size() - MESSAGE_LIMIT) + " more errors";
    }
}
