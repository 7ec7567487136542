package dev.bulkhead.check;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outcome of {@code check} on one render: every rule with its findings, the connectivity matrix, and who can
 * write the perimeter. Renders itself three ways: a summary for the terminal, {@code check.md} for people,
 * {@code check.json} for machines.
 */
public record CheckReport(String source, int resourceCount, List<Rule> rules, List<Finding> findings,
                          Connectivity connectivity, AuthoritySection authority) {

    public CheckReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
    }

    /** Applies every rule of the rule book to {@code view}. */
    public static CheckReport of(String source, RenderView view) {
        List<Rule> rules = RuleBook.all();
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.apply(view));
        }
        return new CheckReport(source, view.resources().size(), rules, findings, view.connectivity(),
                AuthoritySection.of(view));
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    public boolean passed() {
        return errors() == 0;
    }

    /** What a person reads in ten seconds. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append("check ").append(source).append(": ").append(passed() ? "PASSED" : "FAILED").append(" - ")
                .append(errors()).append(" error(s), ").append(warnings()).append(" warning(s); ")
                .append(rules.size()).append(" rules over ").append(resourceCount).append(" resources\n");
        for (Finding f : findings) {
            out.append(String.format("  %-7s %-34s %s%n", f.severity(), f.ruleId(), f.resource()));
            out.append("          ").append(f.message()).append('\n');
            out.append("          fix: ").append(f.fix()).append('\n');
        }
        List<AllowedFlow> crossing = crossingFlows();
        long exports = crossing.stream().filter(f -> f.declared() && f.reason().startsWith("export")).count();
        out.append("connectivity: ").append(connectivity.groups().size() - 2).append(" project(s), ")
                .append(crossing.size()).append(" flow(s) between groups, ")
                .append(crossing.stream().filter(f -> !f.declared()).count()).append(" undeclared, ")
                .append(exports).append(" through exports\n");
        out.append(authority.summary());
        return out.toString();
    }

    /** Allowed flows whose ends are in different groups (projects, platform, internet). */
    public List<AllowedFlow> crossingFlows() {
        return connectivity.allowed().stream().filter(f -> !f.from().group().equals(f.to().group())).toList();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Bulkhead check: ").append(passed() ? "PASSED" : "FAILED").append("\n\n");
        md.append("Render `").append(source).append("`: ").append(resourceCount).append(" resources, ")
                .append(rules.size()).append(" rules, ").append(errors()).append(" error(s), ").append(warnings())
                .append(" warning(s).\n\n");
        md.append("## Connectivity matrix\n\n");
        md.append("Rows are sources, columns destinations. A cell lists the ports on which some pod of the row reaches "
                + "some pod of the column (representative pods, every port a policy names). `!` marks an undeclared "
                + "flow.\n\n");
        List<String> groups = connectivity.groups();
        Map<String, Map<String, Set<String>>> cells = new TreeMap<>();
        for (AllowedFlow f : connectivity.allowed()) {
            if (f.from().group().equals(f.to().group()) && !f.from().group().equals(Probe.PLATFORM)) {
                cells.computeIfAbsent(f.from().group(), k -> new TreeMap<>())
                        .computeIfAbsent(f.to().group(), k -> new TreeSet<>()).add("own");
                continue;
            }
            cells.computeIfAbsent(f.from().group(), k -> new TreeMap<>())
                    .computeIfAbsent(f.to().group(), k -> new TreeSet<>())
                    .add((f.declared() ? "" : "!") + f.portText());
        }
        md.append("| from \\ to |");
        groups.forEach(g -> md.append(' ').append(g).append(" |"));
        md.append("\n|---|");
        groups.forEach(g -> md.append("---|"));
        md.append('\n');
        for (String from : groups) {
            md.append("| **").append(from).append("** |");
            for (String to : groups) {
                Set<String> cell = cells.getOrDefault(from, Map.of()).getOrDefault(to, Set.of());
                md.append(' ').append(cell.isEmpty() ? "-" : String.join(", ", cell)).append(" |");
            }
            md.append('\n');
        }
        md.append("\n## Allowed flows between groups\n\n```mermaid\nflowchart LR\n");
        Map<String, Set<String>> edges = new TreeMap<>();
        for (AllowedFlow f : crossingFlows()) {
            edges.computeIfAbsent(node(f.from()) + "|" + node(f.to()), k -> new TreeSet<>())
                    .add((f.declared() ? "" : "UNDECLARED ") + f.portText());
        }
        edges.forEach((edge, ports) -> {
            String[] ends = edge.split("\\|");
            md.append("  ").append(ends[0]).append(" -->|").append(String.join(" ", ports)).append("| ")
                    .append(ends[1]).append('\n');
        });
        md.append("```\n\n| from | to | port | why |\n|---|---|---|---|\n");
        for (AllowedFlow f : crossingFlows()) {
            md.append("| ").append(f.from().name()).append(" | ").append(f.to().name()).append(" | ")
                    .append(f.portText()).append(" | ").append(f.declared() ? f.reason() : "**undeclared**")
                    .append(" |\n");
        }
        md.append(authority.markdown());
        md.append("\n## Violations\n\n");
        if (findings.isEmpty()) {
            md.append("None.\n");
        }
        for (Finding f : findings) {
            md.append("- **").append(f.severity()).append("** `").append(f.ruleId()).append("` ")
                    .append(f.resource()).append(": ").append(f.message()).append("  \n  Fix: ").append(f.fix())
                    .append('\n');
        }
        md.append("\n## Rules\n\n| id | severity | demands | result |\n|---|---|---|---|\n");
        for (Rule rule : rules) {
            long count = findings.stream().filter(f -> f.ruleId().equals(rule.id())).count();
            md.append("| `").append(rule.id()).append("` | ").append(rule.severity()).append(" | ")
                    .append(rule.demands()).append(" | ").append(count == 0 ? "holds" : count + " violation(s)")
                    .append(" |\n");
        }
        return md.toString();
    }

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", source);
        root.put("passed", passed());
        root.put("errors", errors());
        root.put("warnings", warnings());
        root.put("resources", resourceCount);
        List<Object> ruleList = new ArrayList<>();
        for (Rule rule : rules) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rule.id());
            r.put("category", rule.category());
            r.put("severity", rule.severity().name());
            r.put("demands", rule.demands());
            r.put("fix", rule.fix());
            r.put("violations", findings.stream().filter(f -> f.ruleId().equals(rule.id())).count());
            ruleList.add(r);
        }
        root.put("rules", ruleList);
        root.put("findings", findings.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.ruleId());
            m.put("severity", f.severity().name());
            m.put("resource", f.resource());
            m.put("message", f.message());
            m.put("fix", f.fix());
            return m;
        }).toList());
        Map<String, Object> matrix = new LinkedHashMap<>();
        matrix.put("groups", connectivity.groups());
        matrix.put("probes", connectivity.probes().stream().map(p -> Map.of("name", p.name(), "group", p.group(),
                "kind", p.kind().name(), "endpoint", p.endpoint().describe())).toList());
        matrix.put("flows", connectivity.allowed().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", f.from().name());
            m.put("to", f.to().name());
            m.put("fromGroup", f.from().group());
            m.put("toGroup", f.to().group());
            m.put("port", f.port());
            m.put("protocol", f.protocol().name());
            m.put("declared", f.declared());
            m.put("reason", f.reason());
            return m;
        }).toList());
        root.put("matrix", matrix);
        root.put("authority", authority.json());
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static String node(Probe probe) {
        String group = probe.group();
        if (probe.kind() == Probe.Kind.EGRESS_WAYPOINT) {
            return "egress[egress waypoint]";
        }
        if (group.equals(Probe.PLATFORM)) {
            return probe.kind().name().toLowerCase() + "[" + probe.name() + "]";
        }
        return group.replaceAll("[^A-Za-z0-9]", "_") + "[" + group + "]";
    }
}
