package dev.bulkhead.check;

import com.google.gson.GsonBuilder;
import dev.bulkhead.check.ProbeClasses.ProbeClass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outcome of {@code check} on one render: every rule with its findings, the connectivity matrix, and who can
 * write the perimeter. Renders itself three ways: a summary for the terminal, {@code check.md} for people, {@code check.json} for machines.
 * A render of more than {@value #FULL_MATRIX_PROJECTS} projects gets a summarised {@code check.md} (counts,
 * violations, a table per project); {@code check.json} always holds the whole matrix.
 *
 * @param stack         the stack the render is of, from its intent; never the directory it was read from
 * @param resourceCount the render's resources, components not counted (as {@code render}'s summary counts them)
 * @param classes       the matrix's probes in equivalence classes
 * @param authority     which identities can write the perimeter, and through what
 */
public record CheckReport(String stack, int resourceCount, List<Rule> rules, List<Finding> findings,
                          Connectivity connectivity, List<ProbeClass> classes, AuthoritySection authority) {

    static final int FULL_MATRIX_PROJECTS = 20;
    /** {@code port/PROTOCOL} texts by port number, whatever marks precede them ({@code !}, {@code UNDECLARED }). */
    static final Comparator<String> PORTS = Comparator.comparingInt(CheckReport::portNumber)
            .thenComparing(Comparator.naturalOrder());

    /** Cells sort by port number, {@code own} first; the {@code !} of an undeclared flow does not count. */
    static final Comparator<String> CELL_ORDER = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals("own") || b.equals("own")) {
            return a.equals("own") ? -1 : 1;
        }
        return PORTS.compare(a, b);
    };

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");

    private static int portNumber(String text) {
        java.util.regex.Matcher m = NUMBER.matcher(text);
        return m.find() ? Integer.parseInt(m.group()) : 0;
    }

    public CheckReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        classes = List.copyOf(classes);
    }

    /** Applies every rule of the rule book to {@code view}, which must carry the config's intent. */
    public static CheckReport of(RenderView view) {
        List<Rule> rules = RuleBook.all();
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.apply(view));
        }
        String stack = view.intent().map(i -> i.stack()).orElse("?");
        return new CheckReport(stack, (int) view.resourceCount(), rules, findings, view.connectivity(),
                ProbeClasses.of(view.connectivity()), AuthoritySection.of(view));
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

    /** The projects of the matrix, in order. */
    public List<String> projects() {
        List<String> groups = new ArrayList<>(connectivity.groups());
        groups.remove(Probe.PLATFORM);
        groups.remove(Probe.INTERNET);
        return groups;
    }

    /** What a person reads in ten seconds; {@code where} is the directory, as the person named it. */
    public String summary(String where) {
        StringBuilder out = new StringBuilder();
        out.append("check ").append(where).append(": ").append(passed() ? "PASSED" : "FAILED").append(" - ")
                .append(errors()).append(" error(s), ").append(warnings()).append(" warning(s); ")
                .append(rules.size()).append(" rules over ").append(resourceCount).append(" resources\n");
        for (Finding f : findings) {
            out.append(String.format("  %-7s %-34s %s%n", f.severity(), f.ruleId(), f.resource()));
            out.append("          ").append(f.message()).append('\n');
            out.append("          fix: ").append(f.fix()).append('\n');
        }
        List<AllowedFlow> crossing = crossingFlows();
        long exports = crossing.stream().filter(f -> f.declared() && f.reason().startsWith("export")).count();
        out.append("connectivity: ").append(projects().size()).append(" project(s), ")
                .append(connectivity.probes().size()).append(" endpoints in ")
                .append(classes.size()).append(" classes, ")
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
        md.append("Stack `").append(stack).append("`: ").append(resourceCount).append(" resources, ")
                .append(projects().size()).append(" projects, ").append(rules.size()).append(" rules, ")
                .append(errors()).append(" error(s), ").append(warnings()).append(" warning(s).\n\n");
        if (projects().size() > FULL_MATRIX_PROJECTS) {
            summarisedMatrix(md);
        } else {
            fullMatrix(md);
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
            long count = violations(rule);
            md.append("| `").append(rule.id()).append("` | ").append(rule.severity()).append(" | ")
                    .append(rule.demands()).append(" | ").append(count == 0 ? "holds" : count + " violation(s)")
                    .append(" |\n");
        }
        return md.toString();
    }

    private long violations(Rule rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule.id())).count();
    }

    private void fullMatrix(StringBuilder md) {
        md.append("## Connectivity matrix\n\n");
        md.append("Rows are sources, columns destinations. A cell lists the ports on which some pod of the row reaches "
                + "some pod of the column (representative pods, every port a policy names), decided by the "
                + "NetworkPolicies and the mesh as `reach` decides them. `!` marks an undeclared flow. Projects with "
                + "identical rows share one.\n\n");
        List<String> groups = connectivity.groups();
        Map<String, Map<String, Set<String>>> cells = cells();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String from : groups) {
            StringBuilder row = new StringBuilder();
            for (String to : groups) {
                Set<String> cell = cells.getOrDefault(from, Map.of()).getOrDefault(to, Set.of());
                String text = cell.isEmpty() ? "-" : String.join(", ", cell);
                row.append(' ').append(to.equals(from) && !cell.isEmpty() && text.equals("own") ? "own" : text)
                        .append(" |");
            }
            rows.computeIfAbsent(row.toString(), r -> new ArrayList<>()).add(from);
        }
        md.append("| from \\ to |");
        groups.forEach(g -> md.append(' ').append(g).append(" |"));
        md.append("\n|---|");
        groups.forEach(g -> md.append("---|"));
        md.append('\n');
        rows.forEach((row, from) -> md.append("| **").append(String.join(", ", from)).append("** |").append(row)
                .append('\n'));
        md.append("\n## Allowed flows between groups\n\n```mermaid\nflowchart LR\n");
        Map<String, Set<String>> edges = new TreeMap<>();
        for (AllowedFlow f : crossingFlows()) {
            edges.computeIfAbsent(node(f.from()) + "|" + node(f.to()), k -> new TreeSet<>(PORTS))
                    .add((f.declared() ? "" : "UNDECLARED ") + f.portText());
        }
        edges.forEach((edge, ports) -> {
            String[] ends = edge.split("\\|");
            md.append("  ").append(ends[0]).append(" -->|").append(String.join(" ", ports)).append("| ")
                    .append(ends[1]).append('\n');
        });
        md.append("```\n\n| from | to | ports | why | config |\n|---|---|---|---|---|\n");
        grouped(crossingFlows()).forEach((key, flows) -> {
            AllowedFlow f = flows.get(0);
            md.append("| ").append(f.from().name()).append(" | ").append(f.to().name()).append(" | ")
                    .append(ports(flows)).append(" | ").append(f.declared() ? f.reason() : "**undeclared**")
                    .append(" | ").append(f.declaredBy().map(d -> "`" + d.config() + "`").orElse("-")).append(" |\n");
        });
        md.append("\n## Equivalence classes\n\n");
        md.append(connectivity.probes().size()).append(" endpoints in ").append(classes.size())
                .append(" classes: the members of a class reach, and are reached by, the same kinds of endpoints on "
                        + "the same ports for the same reasons.\n\n| group | kind | members |\n|---|---|---|\n");
        for (ProbeClass c : classes) {
            md.append("| ").append(c.group()).append(" | ").append(c.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(String.join(", ", c.members().stream().map(Probe::name).toList())).append(" |\n");
        }
    }

    private void summarisedMatrix(StringBuilder md) {
                List<AllowedFlow> crossing = crossingFlows();
        md.append("## Connectivity (summarised)\n\n");
        md.append("The render has ").append(projects().size()).append(" projects: the matrix is summarised here and "
                        + "whole in `check.json`.\n\n")
                .append("- ").append(connectivity.probes().size()).append(" endpoints in ").append(classes.size())
                .append(" equivalence classes\n")
                .append("- ").append(connectivity.allowed().size()).append(" allowed flows, ").append(crossing.size())
                .append(" between groups, ").append(connectivity.undeclared().size()).append(" undeclared\n\n");
        md.append("| project | endpoints | classes | flows out | flows in | undeclared |\n|---|---|---|---|---|---|\n");
        Map<String, int[]> counts = new TreeMap<>();
        projects().forEach(p -> counts.put(p, new int[5]));
        connectivity.probes().forEach(p -> {
            if (counts.containsKey(p.group())) {
                counts.get(p.group())[0]++;
            }
        });
        classes.forEach(c -> {
            if (counts.containsKey(c.group())) {
                counts.get(c.group())[1]++;
            }
        });
        for (AllowedFlow f : crossing) {
            if (counts.containsKey(f.from().group())) {
                counts.get(f.from().group())[2]++;
                counts.get(f.from().group())[4] += f.declared() ? 0 : 1;
            }
            if (counts.containsKey(f.to().group())) {
                counts.get(f.to().group())[3]++;
                counts.get(f.to().group())[4] += f.declared() || counts.containsKey(f.from().group()) ? 0 : 1;
            }
        }
        counts.forEach((project, c) -> md.append("| ").append(project).append(" | ").append(c[0]).append(" | ")
                .append(c[1]).append(" | ").append(c[2]).append(" | ").append(c[3]).append(" | ").append(c[4])
                .append(" |\n"));
    }

    /** Cells of the group matrix: the ports on which a group reaches another, {@code own} within itself. */
    private Map<String, Map<String, Set<String>>> cells() {
        Map<String, Map<String, Set<String>>> cells = new TreeMap<>();
        for (AllowedFlow f : connectivity.allowed()) {
            Set<String> cell = cells.computeIfAbsent(f.from().group(), k -> new TreeMap<>())
                    .computeIfAbsent(f.to().group(), k -> new TreeSet<>(CELL_ORDER));
            if (f.from().group().equals(f.to().group()) && !f.from().group().equals(Probe.PLATFORM)) {
                cell.clear();
                cell.add("own");
                continue;
            }
            if (!cell.contains("own")) {
                cell.add((f.declared() ? "" : "!") + f.portText());
            }
        }
        return cells;
    }

    /** Flows grouped by source, destination and reason, in matrix order. */
    static Map<String, List<AllowedFlow>> grouped(List<AllowedFlow> flows) {
        Map<String, List<AllowedFlow>> out = new LinkedHashMap<>();
        flows.forEach(f -> out.computeIfAbsent(f.from().name() + "|" + f.to().name() + "|" + f.reason(),
                k -> new ArrayList<>()).add(f));
        return out;
    }

    static String ports(List<AllowedFlow> flows) {
        Set<String> ports = new TreeSet<>(PORTS);
        flows.forEach(f -> ports.add(f.portText()));
        return String.join(", ", ports);
    }

    public String json() {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(jsonTree())
                + "\n";
    }

    /** The report as plain data, fields in a fixed order; the format is documented in docs/check.md. */
    public Map<String, Object> jsonTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("stack", stack);
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
            r.put("violations", violations(rule));
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
        matrix.put("probes", connectivity.probes().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("group", p.group());
            m.put("kind", p.kind().name());
            m.put("endpoint", p.endpoint().describe());
            m.put("reach", p.question());
            return m;
        }).toList());
        matrix.put("classes", classes.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", c.group());
            m.put("kind", c.kind().name());
            m.put("members", c.members().stream().map(Probe::name).toList());
            return m;
        }).toList());
        matrix.put("flows", grouped(connectivity.allowed()).values().stream().map(flows -> {
            AllowedFlow f = flows.get(0);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", f.from().name());
            m.put("to", f.to().name());
            m.put("fromGroup", f.from().group());
            m.put("toGroup", f.to().group());
            m.put("ports", flows.stream().map(AllowedFlow::portText).toList());
            m.put("declared", f.declared());
            m.put("reason", f.reason());
            m.put("config", f.declaredBy().map(d -> d.config()).orElse(null));
            return m;
        }).toList());
        root.put("matrix", matrix);
        root.put("authority", authority.json());
        return root;
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
