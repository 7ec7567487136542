package dev.bulkhead.isolation;

import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.QuotaSpec;
import dev.bulkhead.naming.Labels;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the generators of one namespace need to know: which project it belongs to, the project's other
 * namespaces, and the platform facts its policies trust.
 *
 * @param project             the project's name (the value of {@link Labels#PROJECT})
 * @param namespace           the namespace being sealed
 * @param projectNamespaces   all namespaces of the project whose identities are trusted
 * @param trustDomain         the mesh trust domain
 * @param monitoringNamespace the namespace of the Prometheus that may scrape the project
 * @param metricsPorts        the ports it may scrape
 * @param quota               ResourceQuota totals and LimitRange defaults
 */
public record Compartment(
        String project,
        String namespace,
        List<String> projectNamespaces,
        String trustDomain,
        String monitoringNamespace,
        List<Integer> metricsPorts,
        QuotaSpec quota) {

    /** The value of {@link Labels#COMPONENT} on everything generated here. */
    public static final String COMPONENT = "isolation";

    public Compartment {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(trustDomain, "trustDomain");
        Objects.requireNonNull(monitoringNamespace, "monitoringNamespace");
        Objects.requireNonNull(quota, "quota");
        projectNamespaces = List.copyOf(projectNamespaces);
        metricsPorts = List.copyOf(metricsPorts);
        if (project.isBlank()) {
            throw new IllegalArgumentException("a compartment needs a project name");
        }
        for (int port : metricsPorts) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(namespace + ": metrics port out of range: " + port);
            }
        }
    }

    /** The compartment of {@code namespace}, one of {@code spec}'s namespaces or one the project owns besides. */
    public static Compartment of(ProjectSpec spec, PlatformSpec platform, String namespace) {
        return new Compartment(spec.name(), namespace, spec.namespaces(), platform.trustDomain(),
                platform.monitoringNamespace(), spec.scrapePorts(),
                spec.quota() == null ? QuotaSpec.defaults() : spec.quota());
    }

    /** This compartment with other scrape ports: a namespace whose pods expose other metrics than the apps'. */
    public Compartment withMetricsPorts(List<Integer> ports) {
        return new Compartment(project, namespace, projectNamespaces, trustDomain, monitoringNamespace, ports, quota);
    }

    /** Labels on every generated object: who made it and for which project. */
    public Map<String, String> labels() {
        return Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE,
                Labels.COMPONENT, COMPONENT,
                Labels.PROJECT, project);
    }

    /** The selector of every namespace of this project, and of no other: by label, not by name. */
    public Map<String, String> projectSelector() {
        return Map.of(Labels.PROJECT, project);
    }
}
