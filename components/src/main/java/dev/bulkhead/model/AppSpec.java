package dev.bulkhead.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An application of a project: one container image serving HTTP on {@code port} in one of the project's namespaces,
 * with its own identity ({@code <trustDomain>/ns/<namespace>/sa/<name>}), and the trust others get from it.
 *
 * <p>Trust: by default every app of the project may call it. {@code callers} (even empty) narrows that to the listed
 * apps; {@code authorization} adds per-caller HTTP methods and paths and {@code jwt} end-user tokens, both enforced by
 * a waypoint in the app's namespace. The project's gateway (on routed ports) and the platform's metrics scraper (on
 * the metrics ports) are admitted whatever the app says.
 *
 * @param callers    the apps of the project that may call this one; empty optional for every app of the project
 * @param runAsUser  the numeric user the container runs as (never 0)
 * @param env        environment variables of the container, plain values only
 */
public record AppSpec(
        String name,
        String namespace,
        String image,
        int port,
        ReplicasSpec replicas,
        ResourcesSpec resources,
        ProbesSpec probes,
        Optional<Integer> metricsPort,
        Optional<List<String>> callers,
        List<AuthorizationRule> authorization,
        Optional<JwtSpec> jwt,
        Optional<AwsAccessSpec> aws,
        Map<String, String> env,
        int runAsUser) {

    /**
     * Names an app cannot take: its ServiceAccount would be the namespace's {@code default} one, or the waypoint's,
     * and its pods would wear the monitoring Prometheus's name label.
     */
    public static final List<String> RESERVED_NAMES = List.of("default", "waypoint", "prometheus");
    /** A Service name: an RFC 1035 label (starts with a letter). */
    public static final Pattern NAME = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    public static final int NAME_MAX = 63;
    /** An environment variable name. */
    public static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    /** The user of distroless and most minimal images ("nonroot"). */
    public static final int DEFAULT_USER = 65532;

    public AppSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(metricsPort, "metricsPort");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(aws, "aws");
        callers = callers.map(List::copyOf);
        authorization = List.copyOf(authorization);
        env = Collections.unmodifiableMap(new TreeMap<>(env));
        if (name.length() > NAME_MAX || !NAME.matcher(name).matches() || RESERVED_NAMES.contains(name)) {
            throw new IllegalArgumentException("app name '" + name + "' must be an RFC 1035 label of at most "
                    + NAME_MAX + " characters and not one of " + RESERVED_NAMES);
        }
        ImageReference.parse(image);
        AppPorts.check(port, "app " + name + ": port");
        metricsPort.ifPresent(p -> {
            AppPorts.check(p, "app " + name + ": metricsPort");
            if (p == port) {
                throw new IllegalArgumentException("app " + name + ": metricsPort equals port " + port);
            }
        });
        if (runAsUser < 1) {
            throw new IllegalArgumentException("app " + name + ": runAsUser must be a non-root user id, not "
                    + runAsUser);
        }
        env.keySet().forEach(key -> {
            if (!ENV_NAME.matcher(key).matches()) {
                throw new IllegalArgumentException("app " + name + ": '" + key
                        + "' is not an environment variable name");
            }
        });
        for (AuthorizationRule rule : authorization) {
            if (rule.from().equals(name)) {
                throw new IllegalArgumentException("app " + name + " cannot authorize itself");
            }
            if (callers.isPresent() && !callers.get().contains(rule.from())) {
                throw new IllegalArgumentException("app " + name + ": authorization from '" + rule.from()
                        + "', which is not one of its callers " + callers.get());
            }
        }
    }

    /** Whether requests to the app go through a waypoint: it has L7 rules or end-user authentication. */
    public boolean l7() {
        return !authorization.isEmpty() || jwt.isPresent();
    }

    /**
     * The apps that may call this one: {@code callers} when given; otherwise, when there are authorization rules,
     * the apps they name (a waypoint admits nothing else); otherwise empty, meaning every app of the project.
     */
    public Optional<List<String>> trustedCallers() {
        if (callers.isPresent()) {
            return callers;
        }
        if (!authorization.isEmpty()) {
            return Optional.of(List.copyOf(new LinkedHashSet<>(authorization.stream().map(AuthorizationRule::from)
                    .toList())));
        }
        return Optional.empty();
    }

    /** Whether the project-wide allowance no longer applies to the app's pods. */
    public boolean restricted() {
        return trustedCallers().isPresent() || l7();
    }

    /** The rules for one caller, in config order. */
    public List<AuthorizationRule> rulesFor(String caller) {
        return authorization.stream().filter(r -> r.from().equals(caller)).toList();
    }

    public ImageReference imageReference() {
        return ImageReference.parse(image);
    }

    public static Builder builder(String name, String namespace, String image, int port) {
        return new Builder(name, namespace, image, port);
    }

    /** Builds an {@link AppSpec} with the defaults config uses: two replicas, 100m/128Mi, TCP probes on the port. */
    public static final class Builder {
        private final String name;
        private final String namespace;
        private final String image;
        private final int port;
        private ReplicasSpec replicas = ReplicasSpec.DEFAULT;
        private ResourcesSpec resources = ResourcesSpec.DEFAULT;
        private ProbesSpec probes;
        private Integer metricsPort;
        private List<String> callers;
        private final List<AuthorizationRule> authorization = new ArrayList<>();
        private JwtSpec jwt;
        private AwsAccessSpec aws;
        private Map<String, String> env = Map.of();
        private int runAsUser = DEFAULT_USER;

        private Builder(String name, String namespace, String image, int port) {
            this.name = name;
            this.namespace = namespace;
            this.image = image;
            this.port = port;
        }

        public Builder replicas(int min, int max) {
            this.replicas = new ReplicasSpec(min, max);
            return this;
        }

        public Builder resources(ResourcesSpec resources) {
            this.resources = resources;
            return this;
        }

        public Builder probes(ProbesSpec probes) {
            this.probes = probes;
            return this;
        }

        /** HTTP probes of {@code path} on the app's port, for all three. */
        public Builder probePath(String path) {
            this.probes = ProbesSpec.all(ProbeSpec.http(path, port));
            return this;
        }

        public Builder metricsPort(int metricsPort) {
            this.metricsPort = metricsPort;
            return this;
        }

        public Builder callers(List<String> callers) {
            this.callers = List.copyOf(callers);
            return this;
        }

        public Builder allow(String from, List<String> methods, List<String> paths) {
            this.authorization.add(new AuthorizationRule(from, methods, paths));
            return this;
        }

        public Builder jwt(JwtSpec jwt) {
            this.jwt = jwt;
            return this;
        }

        public Builder aws(AwsAccessSpec aws) {
            this.aws = aws;
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env = Map.copyOf(env);
            return this;
        }

        public Builder runAsUser(int runAsUser) {
            this.runAsUser = runAsUser;
            return this;
        }

        public AppSpec build() {
            return new AppSpec(name, namespace, image, port, replicas, resources,
                    probes == null ? ProbesSpec.all(ProbeSpec.tcp(port)) : probes,
                    Optional.ofNullable(metricsPort), Optional.ofNullable(callers), authorization,
                    Optional.ofNullable(jwt), Optional.ofNullable(aws), env, runAsUser);
        }
    }
}
