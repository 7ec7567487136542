package dev.bulkhead.check;

import dev.bulkhead.render.RenderedResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One end of a {@code reach} question, as the user named it, resolved against the render. */
public sealed interface Target permits Target.Pods, Target.Service, Target.Host {

    /** The name as the user wrote it, resolved: {@code project shop}, {@code Service shop-api/orders}. */
    String describe();

    /** What kind of name it was: project, namespace, workload, gateway, pod, address, node, service, host. */
    String kind();

    /** Pods or addresses, each decided on its own: a project's representative pod per namespace, say. */
    record Pods(String kind, String name, List<Party> parties) implements Target {
        public Pods {
            parties = List.copyOf(parties);
        }

        @Override
        public String describe() {
            return kind.equals(name) ? name : kind + " " + name;
        }
    }

    /**
     * A Service: its selected pods, the waypoint that serves it (if any), and its ports mapped to its pods' ports.
     */
    record Service(String namespace, String name, List<Party> pods, Optional<RenderedResource> waypoint,
                   Map<Integer, Integer> targetPorts) implements Target {
        public Service {
            pods = List.copyOf(pods);
            targetPorts = Map.copyOf(targetPorts);
        }

        @Override
        public String kind() {
            return "service";
        }

        @Override
        public String describe() {
            return "Service " + namespace + "/" + name;
        }

        /** The pods' port for a Service port, or the port itself when it is already one of the pods'. */
        public int targetPort(int port) {
            return targetPorts.getOrDefault(port, port);
        }
    }

    /** An external host, reached through the ServiceEntries that name it. */
    record Host(String host, List<RenderedResource> entries) implements Target {
        public Host {
            entries = List.copyOf(entries);
        }

        @Override
        public String kind() {
            return "host";
        }

        @Override
        public String describe() {
            return "host " + host;
        }
    }
}
