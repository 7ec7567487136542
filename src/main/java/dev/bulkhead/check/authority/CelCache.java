package dev.bulkhead.check.authority;

import dev.bulkhead.check.authority.cel.CelException;
import dev.bulkhead.check.authority.cel.CelExpression;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each admission expression parsed once per run: the same few expressions are evaluated for thousands of probes. */
final class CelCache {

    private static final Map<String, Object> PARSED = new ConcurrentHashMap<>();

    private CelCache() {
    }

    static CelExpression compile(String text) throws CelException {
        Object parsed = PARSED.computeIfAbsent(text, t -> {
            try {
                return CelExpression.parse(t);
            } catch (CelException e) {
                return e;
            }
        });
        if (parsed instanceof CelException e) {
            throw new CelException(e.kind(), e.getMessage());
        }
        return (CelExpression) parsed;
    }
}
