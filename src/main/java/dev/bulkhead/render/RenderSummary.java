package dev.bulkhead.render;

import dev.bulkhead.intent.Intent;
import dev.bulkhead.intent.ProjectIntent;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The report {@code render} prints: what a person needs in ten seconds (each project with its namespaces,
 * routes, exports and egress; the stack's outputs, such as each project's ALB DNS name; the next command), and
 * with {@code --verbose} how many resources each top-level component, each project and each type holds.
 */
public final class RenderSummary {

    private static final String PROJECT_TYPE = "bulkhead:project:Project";

    private RenderSummary() {
    }

    /**
     * @param cost   the cost estimate's lines, printed before the next command
     * @param stacks with the operator, each project's own stack in a few words, by project
     */
    public static String of(Intent intent, List<RenderedResource> resources, Map<String, Object> outputs,
                            String outDir, boolean verbose, String cost, Map<String, String> stacks) {
        long components = resources.stream().filter(RenderedResource::isComponent).count();
        StringBuilder out = new StringBuilder();
        out.append("rendered stack ").append(intent.stack()).append(" (layer ").append(intent.layer()).append("): ")
                .append(resources.size() - components).append(" resources (").append(components)
                .append(" components) -> ").append(outDir).append('\n');
        out.append("\nprojects:\n");
        if (intent.projects().isEmpty()) {
            out.append("  none\n");
        }
        int width = intent.projects().stream().mapToInt(p -> p.name().length()).max().orElse(0);
        for (ProjectIntent p : intent.projects()) {
            String indent = " ".repeat(width + 4);
            out.append("  ").append(String.format("%-" + width + "s", p.name())).append("  namespaces ")
                    .append(String.join(", ", p.namespaces()))
                    .append(p.gatewayNamespace().map(g -> " (gateway " + g + ")").orElse("")).append('\n');
            p.routes().forEach(r -> out.append(indent).append("route  ").append(r.host()).append(r.path())
                    .append(" -> ").append(r.service()).append(':').append(r.port()).append('\n'));
            p.exports().forEach(e -> out.append(indent).append("export ").append(e.name()).append(": ")
                    .append(e.service()).append(':').append(e.port()).append(" to ").append(String.join(", ",
                            e.consumers())).append('\n'));
            if (!p.egress().isEmpty()) {
                out.append(indent).append("egress ").append(String.join(", ", p.egress())).append('\n');
            }
            if (stacks.containsKey(p.name())) {
                out.append(indent).append("stack  ").append(stacks.get(p.name())).append('\n');
            }
        }
        Map<String, String> flat = new LinkedHashMap<>();
        outputs.forEach((name, value) -> flatten(name, value, flat));
        if (!flat.isEmpty()) {
            out.append("\noutputs (as the mock engine resolves them):\n");
            int keys = flat.keySet().stream().mapToInt(String::length).max().orElse(0);
            flat.forEach((k, v) -> out.append("  ").append(String.format("%-" + keys + "s", k)).append("  ").append(v)
                    .append('\n'));
        }
        if (verbose) {
            counts(resources, out);
        }
        out.append('\n').append(cost);
        out.append("\nnext: ./bulkhead check ").append(outDir).append("   (prove the isolation");
        out.append(verbose ? ")\n" : "; --verbose shows the resources per component, project and type)\n");
        return out.toString();
    }

    /** Nested outputs as dotted keys: {@code loadBalancers.shop.dnsName}. */
    private static void flatten(String key, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            new TreeMap<>(map).forEach((k, v) -> flatten(key + "." + k, v, out));
        } else if (value instanceof List<?> list) {
            out.put(key, list.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("(none)"));
        } else {
            out.put(key, String.valueOf(value));
        }
    }

    private static void counts(List<RenderedResource> resources, StringBuilder out) {
        Map<String, RenderedResource> byUrn = new HashMap<>();
        resources.forEach(r -> byUrn.put(r.urn(), r));
        Map<String, Integer> perComponent = new TreeMap<>();
        Map<String, Integer> perType = new TreeMap<>();
        Map<String, Integer> perProject = new TreeMap<>();
        for (RenderedResource r : resources) {
            if (r.isComponent()) {
                continue;
            }
            perType.merge(r.type(), 1, Integer::sum);
            topComponent(r, byUrn).ifPresent(c -> perComponent.merge(c.type() + " " + c.name(), 1, Integer::sum));
            ancestorOfType(r, byUrn, PROJECT_TYPE).ifPresent(p -> perProject.merge(projectName(p), 1, Integer::sum));
        }
        section(out, "per component", perComponent);
        section(out, "per project", perProject);
        section(out, "per type", perType);
    }

    /** Project components are named {@code project-<name>} by the program. */
    private static String projectName(RenderedResource project) {
        return project.name().startsWith("project-") ? project.name().substring("project-".length()) : project.name();
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts) {
        out.append('\n').append(title).append(":\n");
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
