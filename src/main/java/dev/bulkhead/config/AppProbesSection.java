package dev.bulkhead.config;

import dev.bulkhead.model.AppPorts;
import dev.bulkhead.model.ProbeSpec;
import dev.bulkhead.model.ProbesSpec;

import java.util.List;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads an app's {@code probes}: one {@code path} (and optional {@code port}) for all three, or {@code startup},
 * {@code readiness} and {@code liveness} each with its own. A probe without a path is a TCP connection to its port;
 * without {@code probes} at all, all three are TCP connections to the app's port.
 */
final class AppProbesSection {

    static final List<String> KEYS = List.of("path", "port", "startup", "readiness", "liveness");
    static final List<String> PROBE_KEYS = List.of("path", "port");

    private AppProbesSection() {
    }

    /** The probes, or {@code null} after recording errors; {@code appPort} may be {@code null} if it was invalid. */
    static ProbesSpec read(Checks checks, Fields f, Integer appPort) {
        ConfigReader reader = checks.reader();
        int before = reader.errorCount();
        String path = path(reader, f);
        Integer port = port(checks, f, appPort);
        ProbeSpec startup = probe(checks, f.fields("startup", PROBE_KEYS, false), path, port);
        ProbeSpec readiness = probe(checks, f.fields("readiness", PROBE_KEYS, false), path, port);
        ProbeSpec liveness = probe(checks, f.fields("liveness", PROBE_KEYS, false), path, port);
        if (reader.errorCount() != before || startup == null || readiness == null || liveness == null) {
            return null;
        }
        return new ProbesSpec(startup, readiness, liveness);
    }

    private static ProbeSpec probe(Checks checks, Fields f, String path, Integer port) {
        String own = f.present() ? path(checks.reader(), f) : null;
        Integer ownPort = f.present() ? port(checks, f, port) : port;
        String chosen = own != null ? own : path;
        if (ownPort == null) {
            return null;
        }
        return chosen == null ? ProbeSpec.tcp(ownPort) : ProbeSpec.http(chosen, ownPort);
    }

    private static String path(ConfigReader reader, Fields f) {
        Node node = f.node("path");
        String path = node == null ? null : reader.string(node);
        if (path != null && (!path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace))) {
            reader.error(node.path(), quote(path) + " is not an HTTP path; write an absolute path such as /healthz");
            return null;
        }
        return path;
    }

    private static Integer port(Checks checks, Fields f, Integer defaultPort) {
        Node node = f.node("port");
        if (node == null) {
            return defaultPort;
        }
        Integer port = checks.reader().integer(node);
        if (port != null) {
            var problem = AppPorts.problem(port);
            if (problem.isPresent()) {
                checks.reader().error(node.path(), port + " " + problem.get());
                return null;
            }
        }
        return port;
    }
}
