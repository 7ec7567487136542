package dev.bulkhead.check.authority.cel;

import java.util.List;

/** A node of a parsed CEL expression. */
sealed interface CelNode {

    /** A string, integer, double, boolean or null literal. */
    record Literal(Object value) implements CelNode {
    }

    /** A top-level name: {@code request}, {@code object}, {@code variables} ... */
    record Ident(String name) implements CelNode {
    }

    /** {@code operand.field}. */
    record Select(CelNode operand, String field) implements CelNode {
    }

    /** {@code operand[key]}. */
    record Index(CelNode operand, CelNode key) implements CelNode {
    }

    /** A function ({@code target} null) or method call. */
    record Call(CelNode target, String function, List<CelNode> args) implements CelNode {
    }

    /** {@code has(operand.field)}. */
    record Has(Select select) implements CelNode {
    }

    /** {@code target.exists(variable, body)} or {@code target.all(variable, body)}. */
    record Comprehension(CelNode target, String macro, String variable, CelNode body) implements CelNode {
    }

    /** {@code !operand} or {@code -operand}. */
    record Unary(String operator, CelNode operand) implements CelNode {
    }

    /** A binary operator, {@code &&} and {@code ||} included. */
    record Binary(String operator, CelNode left, CelNode right) implements CelNode {
    }

    /** {@code condition ? whenTrue : whenFalse}. */
    record Conditional(CelNode condition, CelNode whenTrue, CelNode whenFalse) implements CelNode {
    }

    /** {@code [a, b]}. */
    record ListLiteral(List<CelNode> items) implements CelNode {
    }

    /** {@code {k: v}}. */
    record MapLiteral(List<CelNode> keys, List<CelNode> values) implements CelNode {
    }
}
