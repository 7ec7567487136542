package dev.bulkhead.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One health check of an app container: an HTTP GET of {@code path} on {@code port}, or, without a path, a TCP
 * connection to {@code port}. Kubelet probes reach the pod from the ambient mesh's probe address, which every project
 * namespace admits.
 */
public record ProbeSpec(Optional<String> path, int port) {

    public ProbeSpec {
        Objects.requireNonNull(path, "path");
        path.ifPresent(p -> {
            if (!p.startsWith("/") || p.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a probe path starts with / and has no spaces: '" + p + "'");
            }
        });
        AppPorts.check(port, "probe port");
    }

    public static ProbeSpec http(String path, int port) {
        return new ProbeSpec(Optional.of(path), port);
    }

    public static ProbeSpec tcp(int port) {
        return new ProbeSpec(Optional.empty(), port);
    }
}
