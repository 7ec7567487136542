package dev.bulkhead.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The matrix's probes in equivalence classes: probes of one group and kind that no policy tells apart, because
 * they reach, and are reached by, the same kinds of endpoints on the same ports for the same reasons. A report
 * shows a class once instead of every member.
 */
public final class ProbeClasses {

    /** One class: its members in probe order, and what every member reaches (its row). */
    public record ProbeClass(String group, Probe.Kind kind, List<Probe> members, List<String> row) {
        public ProbeClass {
            members = List.copyOf(members);
            row = List.copyOf(row);
        }

        public String name() {
            return members.get(0).name() + (members.size() > 1 ? " (+" + (members.size() - 1) + ")" : "");
        }
    }

    private ProbeClasses() {
    }

    public static List<ProbeClass> of(Connectivity connectivity) {
        Map<Probe, TreeSet<String>> rows = new LinkedHashMap<>();
        Map<Probe, TreeSet<String>> columns = new LinkedHashMap<>();
        connectivity.probes().forEach(p -> {
            rows.put(p, new TreeSet<>());
            columns.put(p, new TreeSet<>());
        });
        for (AllowedFlow f : connectivity.allowed()) {
            rows.get(f.from()).add(relation(f.from(), f.to()) + " " + f.portText() + " " + f.reason());
            columns.get(f.to()).add(relation(f.to(), f.from()) + " " + f.portText() + " " + f.reason());
        }
        Map<String, List<Probe>> byKey = new LinkedHashMap<>();
        for (Probe p : connectivity.probes()) {
            String key = p.group() + "|" + p.kind() + "|" + rows.get(p) + "|" + columns.get(p);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<ProbeClass> out = new ArrayList<>();
        byKey.values().forEach(members -> out.add(new ProbeClass(members.get(0).group(), members.get(0).kind(),
                members, rows.get(members.get(0)).stream().toList())));
        return out;
    }

    /** The other end as seen from {@code self}: its kind, and whether it is in the same group. */
    private static String relation(Probe self, Probe other) {
        boolean same = self.group().equals(other.group());
        return (same ? "own " : other.group() + " ") + other.kind();
    }
}
