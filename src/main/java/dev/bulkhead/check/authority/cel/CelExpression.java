package dev.bulkhead.check.authority.cel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.bulkhead.check.authority.cel.CelException.Kind.EVALUATION;
import static dev.bulkhead.check.authority.cel.CelException.Kind.UNSUPPORTED;

/**
 * A parsed CEL expression, evaluated over plain values (maps, lists, strings, numbers, booleans, null) the way the
 * API server evaluates an admission policy's expressions over an admission request: reading an absent field is an
 * error, {@code has()} tests presence, and {@code &&} and {@code ||} absorb an error when the other side decides
 * (CEL's commutative logic). Only the subset {@link CelParser} reads is supported; a function outside it
 * ({@code matches}, {@code authorizer}, ...) is an {@link CelException.Kind#UNSUPPORTED} error.
 */
public final class CelExpression {

    private final String text;
    private final CelNode root;

    private CelExpression(String text, CelNode root) {
        this.text = text;
        this.root = root;
    }

    /** Parses {@code text}. */
    public static CelExpression parse(String text) throws CelException {
        return new CelExpression(text, CelParser.parse(Objects.requireNonNull(text, "text")));
    }

    public String text() {
        return text;
    }

    /**
     * Evaluates the expression. {@code names} gives the top-level names; a value that is a {@link Lazy} is
     * computed when read (admission policy variables).
     */
    public Object evaluate(Map<String, Object> names) throws CelException {
        return eval(root, new Scope(names, Map.of()));
    }

    /** Evaluates the expression, which must yield a boolean. */
    public boolean test(Map<String, Object> names) throws CelException {
        Object value = evaluate(names);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new CelException(EVALUATION, "'" + text + "' yields " + describe(value) + ", not a boolean");
    }

    /**
     * The largest parts of this expression that read {@code name.field} and nothing else (besides literals and their
     * own comprehension variables), each as an expression of its own: every read of {@code name.field} is inside one
     * of them, so a part's value depends on that field alone and can be computed from names holding nothing else.
     * Empty when the expression reads {@code name} whole (indexes it, compares it, iterates it), where no part holds
     * every read of the field.
     */
    public Optional<List<CelExpression>> partsReading(String name, String field) {
        return CelParts.reading(root, name, field).map(parts -> parts.stream()
                .map(part -> new CelExpression(text, part)).toList());
    }

    /** A value computed when first read, as an admission policy's {@code variables} are. */
    public interface Lazy {
        Object get() throws CelException;
    }

    private record Scope(Map<String, Object> names, Map<String, Object> locals) {
        Object lookup(String name) throws CelException {
            if (locals.containsKey(name)) {
                return locals.get(name);
            }
            if (!names.containsKey(name)) {
                throw new CelException(UNSUPPORTED, "unknown name '" + name + "'");
            }
            return names.get(name);
        }

        Scope with(String name, Object value) {
            Map<String, Object> more = new HashMap<>(locals);
            more.put(name, value);
            return new Scope(names, more);
        }
    }

    private Object eval(CelNode node, Scope scope) throws CelException {
        if (node instanceof CelNode.Literal literal) {
            return literal.value();
        }
        if (node instanceof CelNode.Ident ident) {
            return resolve(scope.lookup(ident.name()));
        }
        if (node instanceof CelNode.Select select) {
            return field(eval(select.operand(), scope), select.field());
        }
        if (node instanceof CelNode.Index index) {
            return index(eval(index.operand(), scope), eval(index.key(), scope));
        }
        if (node instanceof CelNode.Has has) {
            return has(eval(has.select().operand(), scope), has.select().field());
        }
        if (node instanceof CelNode.Call call) {
            return call(call, scope);
        }
        if (node instanceof CelNode.Comprehension c) {
            return comprehension(c, scope);
        }
        if (node instanceof CelNode.Unary unary) {
            return unary(unary, scope);
        }
        if (node instanceof CelNode.Binary binary) {
            return binary(binary, scope);
        }
        if (node instanceof CelNode.Conditional c) {
            return truth(eval(c.condition(), scope), "condition") ? eval(c.whenTrue(), scope)
                    : eval(c.whenFalse(), scope);
        }
        if (node instanceof CelNode.ListLiteral list) {
            List<Object> items = new ArrayList<>();
            for (CelNode item : list.items()) {
                items.add(eval(item, scope));
            }
            return items;
        }
        CelNode.MapLiteral map = (CelNode.MapLiteral) node;
        Map<Object, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < map.keys().size(); i++) {
            entries.put(eval(map.keys().get(i), scope), eval(map.values().get(i), scope));
        }
        return entries;
    }

    private static Object resolve(Object value) throws CelException {
        return value instanceof Lazy lazy ? lazy.get() : value;
    }

    private static Object field(Object operand, String field) throws CelException {
        if (operand instanceof Map<?, ?> map) {
            if (!map.containsKey(field) || map.get(field) == null) {
                throw new CelException(EVALUATION, "no such key: " + field);
            }
            return resolve(map.get(field));
        }
        throw new CelException(EVALUATION, "cannot select '" + field + "' from " + describe(operand));
    }

    private static Object has(Object operand, String field) throws CelException {
        if (operand instanceof Map<?, ?> map) {
            return map.containsKey(field) && map.get(field) != null;
        }
        throw new CelException(EVALUATION, "has() of '" + field + "' on " + describe(operand));
    }

    private static Object index(Object operand, Object key) throws CelException {
        if (operand instanceof Map<?, ?> map) {
            if (!map.containsKey(key)) {
                throw new CelException(EVALUATION, "no such key: " + key);
            }
            return map.get(key);
        }
        if (operand instanceof List<?> list && key instanceof Long i) {
            if (i < 0 || i >= list.size()) {
                throw new CelException(EVALUATION, "index out of range: " + i);
            }
            return list.get(i.intValue());
        }
        throw new CelException(EVALUATION, "cannot index " + describe(operand) + " with " + describe(key));
    }

    private Object call(CelNode.Call call, Scope scope) throws CelException {
        List<Object> args = new ArrayList<>();
        if (call.target() != null) {
            args.add(eval(call.target(), scope));
        }
        for (CelNode arg : call.args()) {
            args.add(eval(arg, scope));
        }
        String function = call.function();
        if (function.equals("size") && args.size() == 1) {
            Object v = args.get(0);
            if (v instanceof String s) {
                return (long) s.codePointCount(0, s.length());
            }
            if (v instanceof Collection<?> c) {
                return (long) c.size();
            }
            if (v instanceof Map<?, ?> m) {
                return (long) m.size();
            }
            throw new CelException(EVALUATION, "size() of " + describe(v));
        }
        if (call.target() != null && args.size() == 2 && args.get(0) instanceof String s
                && args.get(1) instanceof String t) {
            switch (function) {
                case "startsWith":
                    return s.startsWith(t);
                case "endsWith":
                    return s.endsWith(t);
                case "contains":
                    return s.contains(t);
                default:
                    break;
            }
        }
        throw new CelException(UNSUPPORTED, "the function " + function + " is not evaluated here");
    }

    private Object comprehension(CelNode.Comprehension c, Scope scope) throws CelException {
        Object target = eval(c.target(), scope);
        Collection<?> items;
        if (target instanceof Collection<?> list) {
            items = list;
        } else if (target instanceof Map<?, ?> map) {
            items = map.keySet();
        } else {
            throw new CelException(EVALUATION, c.macro() + "() over " + describe(target));
        }
        boolean exists = c.macro().equals("exists");
        CelException error = null;
        for (Object item : items) {
            try {
                boolean value = truth(eval(c.body(), scope.with(c.variable(), item)), c.macro());
                if (value == exists) {
                    return exists;
                }
            } catch (CelException e) {
                error = e;
            }
        }
        if (error != null) {
            throw error;
        }
        return !exists;
    }

    private Object unary(CelNode.Unary unary, Scope scope) throws CelException {
        Object value = eval(unary.operand(), scope);
        if (unary.operator().equals("!")) {
            return !truth(value, "!");
        }
        if (value instanceof Long l) {
            return -l;
        }
        if (value instanceof Double d) {
            return -d;
        }
        throw new CelException(EVALUATION, "-" + describe(value));
    }

    private Object binary(CelNode.Binary binary, Scope scope) throws CelException {
        String op = binary.operator();
        if (op.equals("&&") || op.equals("||")) {
            boolean decisive = op.equals("||");
            CelException error = null;
            for (CelNode side : List.of(binary.left(), binary.right())) {
                try {
                    if (truth(eval(side, scope), op) == decisive) {
                        return decisive;
                    }
                } catch (CelException e) {
                    if (e.kind() == UNSUPPORTED) {
                        throw e;
                    }
                    error = e;
                }
            }
            if (error != null) {
                throw error;
            }
            return !decisive;
        }
        Object left = eval(binary.left(), scope);
        Object right = eval(binary.right(), scope);
        return switch (op) {
            case "==" -> equal(left, right);
            case "!=" -> !equal(left, right);
            case "in" -> in(left, right);
            case "<", "<=", ">", ">=" -> compare(op, left, right);
            case "+" -> plus(left, right);
            default -> throw new CelException(UNSUPPORTED, "the operator " + op + " is not evaluated here");
        };
    }

    private static boolean in(Object item, Object container) throws CelException {
        if (container instanceof Map<?, ?> map) {
            return map.containsKey(item);
        }
        if (container instanceof Collection<?> list) {
            for (Object element : list) {
                if (equal(item, element)) {
                    return true;
                }
            }
            return false;
        }
        throw new CelException(EVALUATION, "'in' over " + describe(container));
    }

    private static boolean compare(String op, Object left, Object right) throws CelException {
        int order;
        if (left instanceof Number a && right instanceof Number b) {
            order = Double.compare(a.doubleValue(), b.doubleValue());
        } else if (left instanceof String a && right instanceof String b) {
            order = a.compareTo(b);
        } else {
            throw new CelException(EVALUATION, "cannot compare " + describe(left) + " and " + describe(right));
        }
        return switch (op) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    private static Object plus(Object left, Object right) throws CelException {
        if (left instanceof String a && right instanceof String b) {
            return a + b;
        }
        if (left instanceof Long a && right instanceof Long b) {
            return a + b;
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            List<Object> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }
        throw new CelException(EVALUATION, describe(left) + " + " + describe(right));
    }

    /** CEL equality over plain values: numbers by value, lists in order, maps by entries. */
    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (var entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !equal(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean truth(Object value, String where) throws CelException {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new CelException(EVALUATION, where + " needs a boolean, got " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return value.getClass().getSimpleName() + " " + value;
    }

    @Override
    public String toString() {
        return text;
    }
}
