package dev.bulkhead.config;

import dev.bulkhead.model.ProjectSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code bulkhead:projects}, the tenants, in config order, then applies the rules that span them. */
final class ProjectsSection {

    static final String KEY = "bulkhead:projects";

    private static final Pattern INDEX = Pattern.compile("^" + Pattern.quote(KEY) + "\\[(\\d+)]");

    /**
     * The projects read, the name of each (by index) where it is valid and unique (errors inside a project are
     * shown with that name), and each as read, with the values later sections need.
     */
    record Result(List<ProjectSpec> projects, List<String> names, List<ProjectSection.Read> reads) {

        /** {@code errors}, each inside a named project carrying that project's name. */
        List<ConfigError> name(List<ConfigError> errors) {
            List<ConfigError> out = new ArrayList<>(errors.size());
            for (ConfigError error : errors) {
                Matcher m = INDEX.matcher(error.path());
                int index = m.find() ? Integer.parseInt(m.group(1)) : -1;
                String name = index >= 0 && index < names.size() ? names.get(index) : null;
                out.add(name == null ? error : error.inProject(name));
            }
            return out;
        }
    }

    private ProjectsSection() {
    }

    static Result read(Checks checks, Fields root, ProjectContext context, String monitoringNamespace) {
        List<ProjectSection.Read> reads = new ArrayList<>();
        for (Node node : root.list(KEY, false, "projects")) {
            reads.add(ProjectSection.read(checks, node, context));
        }
        ProjectRules.check(checks.reader(), reads, ReservedNamespaces.forStack(monitoringNamespace),
                monitoringNamespace);
        List<String> names = new ArrayList<>();
        for (ProjectSection.Read read : reads) {
            String name = read.name();
            boolean unique = name != null && reads.stream().filter(r -> name.equals(r.name())).count() == 1;
            names.add(unique ? name : null);
        }
        return new Result(reads.stream().map(ProjectSection.Read::spec).toList(), names, List.copyOf(reads));
    }
}
