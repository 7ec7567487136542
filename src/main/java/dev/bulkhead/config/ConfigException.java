package dev.bulkhead.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A stack configuration that cannot be used, with every problem found in it: validation does not stop at the
 * first error, so a user fixes the whole file in one go. The message lists one error per line.
 */
public final class ConfigException extends Exception {

    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
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
}
