package dev.bulkhead.model;

import java.util.List;
import java.util.Optional;

/**
 * The HTTP methods and paths an Istio AuthorizationPolicy can match. Istio compares methods case-sensitively (a
 * lower-case {@code get} matches nothing) and matches paths exactly, by prefix ({@code /orders/*}), by suffix
 * ({@code *}{@code /info}) or entirely ({@code *}); a {@code *} anywhere else is taken literally and matches no
 * request, and the path it sees never contains the query string.
 */
public final class HttpRules {

    public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "CONNECT", "TRACE");

    private HttpRules() {
    }

    /** Why Istio would not match {@code path} as meant, or empty when it would. */
    public static Optional<String> pathProblem(String path) {
        if (path.isEmpty()) {
            return Optional.of("is empty; write an absolute path such as /orders");
        }
        if (path.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("contains whitespace or control characters");
        }
        if (path.contains("?") || path.contains("#")) {
            return Optional.of("contains a query or fragment, which Istio never sees in the path it matches; "
                    + "match the path alone");
        }
        if (path.contains("{") || path.contains("}")) {
            return Optional.of("uses a path template; write a prefix (/orders/*) or an exact path instead");
        }
        if (path.equals("*")) {
            return Optional.empty();
        }
        String inner = path.substring(path.startsWith("*") ? 1 : 0, path.length() - (path.endsWith("*") ? 1 : 0));
        if (inner.contains("*")) {
            return Optional.of("has a * that is neither first nor last; Istio matches * only as a whole prefix or "
                    + "suffix (/orders/* or */info)");
        }
        if (path.startsWith("*") && path.endsWith("*")) {
            return Optional.of("has a * at both ends; Istio matches a prefix or a suffix, not both");
        }
        if (!path.startsWith("/") && !path.startsWith("*")) {
            return Optional.of("does not start with /; request paths always do");
        }
        return Optional.empty();
    }

    /** Why Istio would not match {@code method} as meant, or empty when it would. */
    public static Optional<String> methodProblem(String method) {
        if (METHODS.contains(method)) {
            return Optional.empty();
        }
        if (METHODS.contains(method.toUpperCase(java.util.Locale.ROOT))) {
            return Optional.of("is not upper case; Istio compares methods exactly, write "
                    + method.toUpperCase(java.util.Locale.ROOT));
        }
        return Optional.of("is not an HTTP method; use one of " + METHODS);
    }

    static void checkPath(String path, String what) {
        pathProblem(path).ifPresent(problem -> {
            throw new IllegalArgumentException(what + " '" + path + "' " + problem);
        });
    }

    static void checkMethod(String method) {
        methodProblem(method).ifPresent(problem -> {
            throw new IllegalArgumentException("method '" + method + "' " + problem);
        });
    }
}
