package dev.bulkhead.platform.guards;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the CEL of the admission guards from parts, so that no expression is assembled by hand twice. Only a small
 * part of CEL is used (literals, field selection, {@code has}, {@code in}, comparisons, {@code &&}, {@code ||},
 * {@code !}, the conditional operator, {@code size} and the {@code exists} macro), which {@code check} evaluates.
 * Every optional field is tested with {@code has} before it is read, parent first, because reading an absent
 * field is an error, and an error makes the API server refuse the request.
 */
public final class Cel {

    private Cel() {
    }

    /** A CEL string literal. */
    public static String str(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A CEL list of string literals. */
    public static String list(Collection<String> values) {
        return values.stream().map(Cel::str).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code has(root.a) && has(root.a.b) && ...}: every field of the path is present. */
    public static String present(String root, String... path) {
        List<String> tests = new ArrayList<>();
        StringBuilder current = new StringBuilder(root);
        for (String field : path) {
            current.append('.').append(field);
            tests.add("has(" + current + ")");
        }
        return String.join(" && ", tests);
    }

    /** The disjunction of {@code terms}, each parenthesised. */
    public static String any(List<String> terms) {
        return terms.stream().map(t -> "(" + t + ")").collect(Collectors.joining(" || "));
    }

    /** The requester is in the platform admin group. */
    public static String inAdminGroup() {
        return str(PlatformIdentities.adminGroup()) + " in request.userInfo.groups";
    }

    /** The requester's user name is one of {@code users}. */
    public static String userIn(Collection<String> users) {
        return "request.userInfo.username in " + list(users);
    }

    /** The requester's user name is {@code user}. */
    public static String userIs(String user) {
        return "request.userInfo.username == " + str(user);
    }

    /** The request is for {@code resource} (plural, e.g. {@code pods}). */
    public static String resourceIs(String resource) {
        return "request.resource.resource == " + str(resource);
    }
}
