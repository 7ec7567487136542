package dev.bulkhead.check.authority.cel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the parts of an expression that read one field of a top-level name and nothing else, e.g. every part that
 * reads {@code request.userInfo}. What an expression reads is named by tokens: {@code name.field} for a field
 * selected from a free name ({@code has()} included), {@code name} for a free name read whole (indexed, compared,
 * iterated). Comprehension variables are bound, not free, inside their body.
 */
final class CelParts {

    private CelParts() {
    }

    /**
     * The largest parts whose only read is {@code name.field}, outermost first; empty when the expression reads
     * {@code name} whole, because then no part holds every read of the field.
     */
    static Optional<List<CelNode>> reading(CelNode root, String name, String field) {
        if (reads(root).contains(name)) {
            return Optional.empty();
        }
        List<CelNode> out = new ArrayList<>();
        collect(root, name, Set.of(name + "." + field), out);
        return Optional.of(out);
    }

    private static void collect(CelNode node, String name, Set<String> only, List<CelNode> out) {
        Set<String> reads = reads(node);
        if (reads.equals(only)) {
            out.add(node);
            return;
        }
        if (!reads.containsAll(only)) {
            return;
        }
        for (CelNode child : children(node)) {
            // inside a comprehension over a variable of the same name, the name is that variable
            if (!(node instanceof CelNode.Comprehension c && c.variable().equals(name) && child == c.body())) {
                collect(child, name, only, out);
            }
        }
    }

    /** The tokens {@code node} reads of names free in it. */
    static Set<String> reads(CelNode node) {
        Set<String> out = new HashSet<>();
        if (node instanceof CelNode.Ident ident) {
            out.add(ident.name());
        } else if (node instanceof CelNode.Select select && select.operand() instanceof CelNode.Ident ident) {
            out.add(ident.name() + "." + select.field());
        } else if (node instanceof CelNode.Has has) {
            out.addAll(reads(has.select()));
        } else if (node instanceof CelNode.Comprehension c) {
            out.addAll(reads(c.target()));
            for (String token : reads(c.body())) {
                if (!token.equals(c.variable()) && !token.startsWith(c.variable() + ".")) {
                    out.add(token);
                }
            }
        } else {
            for (CelNode child : children(node)) {
                out.addAll(reads(child));
            }
        }
        return out;
    }

    private static List<CelNode> children(CelNode node) {
        if (node instanceof CelNode.Select s) {
            return List.of(s.operand());
        }
        if (node instanceof CelNode.Index i) {
            return List.of(i.operand(), i.key());
        }
        if (node instanceof CelNode.Call c) {
            List<CelNode> all = new ArrayList<>();
            if (c.target() != null) {
                all.add(c.target());
            }
            all.addAll(c.args());
            return all;
        }
        if (node instanceof CelNode.Has h) {
            return List.of(h.select());
        }
        if (node instanceof CelNode.Comprehension c) {
            return List.of(c.target(), c.body());
        }
        if (node instanceof CelNode.Unary u) {
            return List.of(u.operand());
        }
        if (node instanceof CelNode.Binary b) {
            return List.of(b.left(), b.right());
        }
        if (node instanceof CelNode.Conditional c) {
            return List.of(c.condition(), c.whenTrue(), c.whenFalse());
        }
        if (node instanceof CelNode.ListLiteral l) {
            return l.items();
        }
        if (node instanceof CelNode.MapLiteral m) {
            List<CelNode> all = new ArrayList<>(m.keys());
            all.addAll(m.values());
            return all;
        }
        return List.of();
    }
}
