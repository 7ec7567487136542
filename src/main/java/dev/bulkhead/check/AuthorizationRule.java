package dev.bulkhead.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One rule of an Istio AuthorizationPolicy matched against a connection or request, as Istio matches it: every
 * one of {@code from}, {@code to} and {@code when} must hold; within {@code from} or {@code to}, any one entry;
 * within an entry, every field. Strings match exactly, as {@code *}, {@code prefix*} or {@code *suffix}.
 * What cannot be decided without the request (methods, paths and hosts when no request was given, a JWT, request
 * headers) makes the rule {@link Kind#CONDITIONAL}, with the condition in words.
 */
final class AuthorizationRule {

    /** Fields a ztunnel cannot see: they need a waypoint or gateway proxy. */
    static final Set<String> L7_SOURCE = Set.of("requestPrincipals", "notRequestPrincipals", "remoteIpBlocks",
            "notRemoteIpBlocks");
    static final Set<String> L7_OPERATION = Set.of("hosts", "notHosts", "methods", "notMethods", "paths", "notPaths");

    private AuthorizationRule() {
    }

    enum Kind { MATCH, NO, CONDITIONAL }

    /** The outcome for one rule: {@code text} says the condition (CONDITIONAL) or what failed (NO). */
    record Match(Kind kind, String text) {
        static final Match YES = new Match(Kind.MATCH, "");

        static Match no(String why) {
            return new Match(Kind.NO, why);
        }
    }

    /**
     * What the rule is matched against.
     *
     * @param principal       the source's mTLS identity; empty for plaintext (an outside address, the node)
     * @param sourceNamespace the source pod's namespace, when it has an identity
     * @param request         the request, when the question gave one
     */
    record Connection(Optional<String> principal, Optional<String> sourceNamespace, Optional<String> sourceIp,
                      int port, Optional<HttpRequest> request) {
    }

    /** Whether {@code rule} uses any field only a proxy can evaluate. */
    static boolean needsL7(Map<String, Object> rule) {
        for (Object f : Plain.list(rule.get("from"))) {
            if (Plain.map(Plain.map(f).get("source")).keySet().stream().anyMatch(L7_SOURCE::contains)) {
                return true;
            }
        }
        for (Object t : Plain.list(rule.get("to"))) {
            if (Plain.map(Plain.map(t).get("operation")).keySet().stream().anyMatch(L7_OPERATION::contains)) {
                return true;
            }
        }
        for (Object w : Plain.list(rule.get("when"))) {
            String key = String.valueOf(Plain.map(w).get("key"));
            if (key.startsWith("request.") || key.startsWith("experimental.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param ignoreL7 true where a ztunnel enforces a DENY rule: Istio drops the fields it cannot see, so the rule
     *                 denies on what remains
     */
    static Match match(Map<String, Object> rule, Connection c, boolean ignoreL7) {
        List<String> conditions = new ArrayList<>();
        Match from = anyOf(Plain.list(rule.get("from")), "source", f -> source(f, c, ignoreL7));
        if (from.kind() == Kind.NO) {
            return from;
        }
        Match to = anyOf(Plain.list(rule.get("to")), "operation", o -> operation(o, c, ignoreL7));
        if (to.kind() == Kind.NO) {
            return to;
        }
        addCondition(conditions, from);
        addCondition(conditions, to);
        for (Object w : Plain.list(rule.get("when"))) {
            Match m = when(Plain.map(w), c, ignoreL7);
            if (m.kind() == Kind.NO) {
                return m;
            }
            addCondition(conditions, m);
        }
        return conditions.isEmpty() ? Match.YES : new Match(Kind.CONDITIONAL, String.join(" and ", conditions));
    }

    private static void addCondition(List<String> conditions, Match m) {
        if (m.kind() == Kind.CONDITIONAL) {
            conditions.add(m.text());
        }
    }

    private interface Entry {
        Match test(Map<String, Object> entry);
    }

    private static Match anyOf(List<Object> entries, String key, Entry test) {
        if (entries.isEmpty()) {
            return Match.YES;
        }
        List<String> conditions = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Object e : entries) {
            Match m = test.test(Plain.map(Plain.map(e).get(key)));
            if (m.kind() == Kind.MATCH) {
                return m;
            }
            (m.kind() == Kind.CONDITIONAL ? conditions : failures).add(m.text());
        }
        return conditions.isEmpty() ? Match.no(String.join("; ", failures))
                : new Match(Kind.CONDITIONAL, String.join(" or ", conditions));
    }

    private static Match source(Map<String, Object> s, Connection c, boolean ignoreL7) {
        List<String> conditions = new ArrayList<>();
        if (s.containsKey("principals") && !c.principal().map(p -> matchesAny(s.get("principals"), p)).orElse(false)) {
            return Match.no("principal " + c.principal().orElse("(none: plaintext)") + " is not in "
                    + Plain.strings(s.get("principals")));
        }
        if (c.principal().map(p -> matchesAny(s.get("notPrincipals"), p)).orElse(false)) {
            return Match.no("principal " + c.principal().get() + " is excluded by notPrincipals");
        }
        if (s.containsKey("namespaces")
                && !c.sourceNamespace().map(ns -> matchesAny(s.get("namespaces"), ns)).orElse(false)) {
            return Match.no("source namespace " + c.sourceNamespace().orElse("(none)") + " is not in "
                    + Plain.strings(s.get("namespaces")));
        }
        if (c.sourceNamespace().map(ns -> matchesAny(s.get("notNamespaces"), ns)).orElse(false)) {
            return Match.no("source namespace " + c.sourceNamespace().get() + " is excluded by notNamespaces");
        }
        if (s.containsKey("ipBlocks")) {
            conditions.add("the source address is in " + Plain.strings(s.get("ipBlocks")));
        }
        if (!ignoreL7 && s.containsKey("requestPrincipals")) {
            conditions.add("the request carries a valid JWT (requestPrincipals "
                    + Plain.strings(s.get("requestPrincipals")) + ")");
        }
        if (!ignoreL7 && s.containsKey("notRequestPrincipals")) {
            conditions.add("the request carries no valid JWT" + (List.of("*").equals(Plain.strings(
                    s.get("notRequestPrincipals"))) ? "" : " from " + Plain.strings(s.get("notRequestPrincipals"))));
        }
        return conditions.isEmpty() ? Match.YES : new Match(Kind.CONDITIONAL, String.join(" and ", conditions));
    }

    private static Match operation(Map<String, Object> o, Connection c, boolean ignoreL7) {
        String port = String.valueOf(c.port());
        if (o.containsKey("ports") && !matchesAny(o.get("ports"), port)) {
            return Match.no("port " + port + " is not in " + Plain.strings(o.get("ports")));
        }
        if (matchesAny(o.get("notPorts"), port)) {
            return Match.no("port " + port + " is excluded by notPorts");
        }
        if (ignoreL7) {
            return Match.YES;
        }
        List<String> conditions = new ArrayList<>();
        for (String field : List.of("methods", "paths", "hosts")) {
            Optional<String> value = c.request().flatMap(r -> switch (field) {
                case "methods" -> Optional.of(r.method());
                case "paths" -> Optional.of(r.path());
                default -> r.host();
            });
            String not = "not" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
            if (o.containsKey(field)) {
                if (value.isEmpty()) {
                    conditions.add(field.substring(0, field.length() - 1) + " in " + Plain.strings(o.get(field)));
                } else if (!matchesAny(o.get(field), value.get())) {
                    return Match.no(field.substring(0, field.length() - 1) + " " + value.get() + " is not in "
                            + Plain.strings(o.get(field)));
                }
            }
            if (o.containsKey(not)) {
                if (value.isEmpty()) {
                    conditions.add(field.substring(0, field.length() - 1) + " not in " + Plain.strings(o.get(not)));
                } else if (matchesAny(o.get(not), value.get())) {
                    return Match.no(field.substring(0, field.length() - 1) + " " + value.get() + " is excluded by "
                            + not);
                }
            }
        }
        return conditions.isEmpty() ? Match.YES : new Match(Kind.CONDITIONAL, String.join(" and ", conditions));
    }

    private static Match when(Map<String, Object> condition, Connection c, boolean ignoreL7) {
        String key = String.valueOf(condition.get("key"));
        Object values = condition.get("values");
        Object notValues = condition.get("notValues");
        Optional<String> known = switch (key) {
            case "source.principal" -> c.principal();
            case "source.namespace" -> c.sourceNamespace();
            case "destination.port" -> Optional.of(String.valueOf(c.port()));
            default -> Optional.empty();
        };
        if (known.isEmpty()) {
            boolean l7 = key.startsWith("request.") || key.startsWith("experimental.");
            if (ignoreL7 && l7) {
                return Match.YES;
            }
            return new Match(Kind.CONDITIONAL, key + (values != null ? " in " + Plain.strings(values)
                    : " not in " + Plain.strings(notValues)));
        }
        if (values != null && !matchesAny(values, known.get())) {
            return Match.no(key + " " + known.get() + " is not in " + Plain.strings(values));
        }
        if (notValues != null && matchesAny(notValues, known.get())) {
            return Match.no(key + " " + known.get() + " is in notValues " + Plain.strings(notValues));
        }
        return Match.YES;
    }

    /** Istio string matching: exact, {@code *}, {@code prefix*} or {@code *suffix}; absent matches nothing. */
    static boolean matchesAny(Object values, String value) {
        if (values == null) {
            return false;
        }
        for (String pattern : Plain.strings(values)) {
            if (pattern.equals("*") || pattern.equals(value)
                    || (pattern.endsWith("*") && value.startsWith(pattern.substring(0, pattern.length() - 1)))
                    || (pattern.startsWith("*") && value.endsWith(pattern.substring(1)))) {
                return true;
            }
        }
        return false;
    }
}
