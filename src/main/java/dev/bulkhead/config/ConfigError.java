package dev.bulkhead.config;

/**
 * One problem found in a stack's configuration: where it is (a key path such as
 * {@code bulkhead:projects[1].namespaces[0]}, or a file for problems reading it) and what is wrong and valid there.
 */
public record ConfigError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
