package dev.bulkhead.model;

import java.util.List;
import java.util.Objects;

/**
 * What one caller may ask of an app at L7: the HTTP {@code methods} and {@code paths} the app's waypoint lets through
 * from the app named {@code from}. An empty list places no limit of that kind.
 */
public record AuthorizationRule(String from, List<String> methods, List<String> paths) {

    public AuthorizationRule {
        Objects.requireNonNull(from, "from");
        methods = List.copyOf(methods);
        paths = List.copyOf(paths);
        methods.forEach(HttpRules::checkMethod);
        paths.forEach(p -> HttpRules.checkPath(p, "path"));
    }
}
