package dev.bulkhead.config;

import dev.bulkhead.model.ProjectSpec;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code bulkhead:projects}, the tenants, in config order, then applies the rules that span them. */
final class ProjectsSection {

    static final String KEY = "bulkhead:projects";

    private ProjectsSection() {
    }

    static List<ProjectSpec> read(Checks checks, Fields root, ProjectContext context, String monitoringNamespace) {
        List<ProjectSection.Read> reads = new ArrayList<>();
        for (Node node : root.list(KEY, false, "projects")) {
            reads.add(ProjectSection.read(checks, node, context));
        }
        ProjectRules.check(checks.reader(), reads, ReservedNamespaces.forStack(monitoringNamespace));
        return reads.stream().map(ProjectSection.Read::spec).toList();
    }
}
