package dev.bulkhead.intent;

import java.util.List;
import java.util.Optional;

/**
 * What one stack's configuration declares about traffic: its projects and every flow it means to allow. Written
 * by {@code render} as {@code intent.json} and read by {@code check}, which refuses a render without it.
 *
 * @param layer the layer the stack renders: {@code all}, {@code platform} or {@code project}
 */
public record Intent(int version, String stack, String layer, String trustDomain, String monitoringNamespace,
                     List<ProjectIntent> projects, List<DeclaredFlow> flows) {

    /** The format's version; a reader refuses any other. */
    public static final int VERSION = 1;
    public static final String FILE = "intent.json";

    public Intent {
        projects = List.copyOf(projects);
        flows = List.copyOf(flows);
    }

    public Optional<ProjectIntent> project(String name) {
        return projects.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The project a namespace belongs to, its gateway namespace included. */
    public Optional<ProjectIntent> projectOf(String namespace) {
        return projects.stream().filter(p -> p.namespaces().contains(namespace)
                || p.gatewayNamespace().filter(namespace::equals).isPresent()).findFirst();
    }
}
