package dev.bulkhead.check;

import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a rendered NetworkPolicy's rules name: their ports, their address blocks, their peers. */
final class PolicyContents {

    static final List<String> DIRECTIONS = List.of("ingress", "egress");

    private PolicyContents() {
    }

    /** Every rule of the policy, with its direction ({@code ingress} or {@code egress}). */
    static List<Map.Entry<String, Map<String, Object>>> rules(RenderedResource policy) {
        List<Map.Entry<String, Map<String, Object>>> out = new ArrayList<>();
        Map<String, Object> spec = RenderView.spec(policy);
        for (String direction : DIRECTIONS) {
            for (Object rule : Plain.list(spec.get(direction))) {
                out.add(Map.entry(direction, Plain.map(rule)));
            }
        }
        return out;
    }

    /** The peers of a rule ({@code from} for ingress, {@code to} for egress); empty means every peer. */
    static List<Map<String, Object>> peers(Map.Entry<String, Map<String, Object>> rule) {
        String key = rule.getKey().equals("ingress") ? "from" : "to";
        return Plain.list(rule.getValue().get(key)).stream().map(Plain::map).toList();
    }

    /** Numeric ports named anywhere in the policy. */
    static Set<Integer> numbers(RenderedResource policy) {
        Set<Integer> out = new TreeSet<>();
        for (var rule : rules(policy)) {
            for (Object port : Plain.list(rule.getValue().get("ports"))) {
                Object number = Plain.map(port).get("port");
                if (number instanceof Number n) {
                    out.add(n.intValue());
                }
            }
        }
        return out;
    }

    /** The distinct (protocol, port or range) combinations of one rule, per protocol. */
    static Map<String, Set<String>> combinations(Map<String, Object> rule) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Object p : Plain.list(rule.get("ports"))) {
            Map<String, Object> port = Plain.map(p);
            String protocol = port.get("protocol") == null ? "TCP" : String.valueOf(port.get("protocol"));
            String value = Plain.integer(port.get("port")) + (port.get("endPort") == null ? ""
                    : "-" + Plain.integer(port.get("endPort")));
            out.computeIfAbsent(protocol, k -> new TreeSet<>()).add(value);
        }
        return out;
    }

    /** ipBlock CIDRs narrower than /0 named in the policy's rules. */
    static List<String> narrowBlocks(RenderedResource policy) {
        List<String> out = new ArrayList<>();
        for (var rule : rules(policy)) {
            for (Map<String, Object> peer : peers(rule)) {
                Object cidr = Plain.map(peer.get("ipBlock")).get("cidr");
                if (cidr instanceof String s && !s.endsWith("/0")) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
