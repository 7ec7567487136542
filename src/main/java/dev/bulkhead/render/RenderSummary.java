package dev.bulkhead.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The short report {@code render} prints: how many resources each top-level component, each resource type and
 * each project holds.
 */
public final class RenderSummary {

    private static final String PROJECT_TYPE = "bulkhead:project:Project";

    private RenderSummary() {
    }

    public static String of(String stack, List<RenderedResource> resources, String outDir) {
        Map<String, RenderedResource> byUrn = new HashMap<>();
        resources.forEach(r -> byUrn.put(r.urn(), r));
        Map<String, Integer> perComponent = new TreeMap<>();
        Map<String, Integer> perType = new TreeMap<>();
        Map<String, Integer> perProject = new TreeMap<>();
        int custom = 0;
        for (RenderedResource r : resources) {
            if (r.isComponent()) {
                continue;
            }
            custom++;
            perType.merge(r.type(), 1, Integer::sum);
            topComponent(r, byUrn).ifPresent(c -> perComponent.merge(c.type() + " " + c.name(), 1, Integer::sum));
            ancestorOfType(r, byUrn, PROJECT_TYPE).ifPresent(p -> perProject.merge(projectName(p), 1, Integer::sum));
        }
        StringBuilder out = new StringBuilder();
        out.append("rendered stack ").append(stack).append(": ").append(custom).append(" resources (")
                .append(resources.size() - custom).append(" components) -> ").append(outDir).append('\n');
        section(out, "per component", perComponent);
        section(out, "per project", perProject);
        section(out, "per type", perType);
        return out.toString();
    }

    /** Project components are named {@code project-<name>} by the program. */
    private static String projectName(RenderedResource project) {
        return project.name().startsWith("project-") ? project.name().substring("project-".length()) : project.name();
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts) {
        out.append(title).append(":\n");
        counts.forEach((k, v) -> out.append(String.format("  %4d  %s%n", v, k)));
    }

    private static Optional<RenderedResource> topComponent(RenderedResource r, Map<String, RenderedResource> byUrn) {
        RenderedResource current = r;
        RenderedResource top = null;
        while (current.parent().isPresent()) {
            RenderedResource parent = byUrn.get(current.parent().get());
            if (parent == null || parent.type().equals("pulumi:pulumi:Stack")) {
                break;
            }
            top = parent;
            current = parent;
        }
        return Optional.ofNullable(top);
    }

    private static Optional<RenderedResource> ancestorOfType(RenderedResource r, Map<String, RenderedResource> byUrn,
                                                             String type) {
        RenderedResource current = r;
        while (current.parent().isPresent()) {
            current = byUrn.get(current.parent().get());
            if (current == null) {
                return Optional.empty();
            }
            if (current.type().equals(type)) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }
}
