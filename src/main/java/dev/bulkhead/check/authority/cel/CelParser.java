package dev.bulkhead.check.authority.cel;

import java.util.ArrayList;
import java.util.List;

import static dev.bulkhead.check.authority.cel.CelException.Kind.SYNTAX;
import static dev.bulkhead.check.authority.cel.CelException.Kind.UNSUPPORTED;

/**
 * A recursive-descent parser for the part of CEL's grammar that admission guards use: literals, names, field
 * selection, indexing, calls, lists and maps, the unary, arithmetic, relational ({@code in} included) and logical
 * operators, and the conditional operator, with CEL's precedence. Macros other than {@code has}, {@code exists} and
 * {@code all} are refused as unsupported; so are bytes, raw and triple-quoted strings.
 */
final class CelParser {

    private final String text;
    private int pos;

    private CelParser(String text) {
        this.text = text;
    }

    static CelNode parse(String text) throws CelException {
        CelParser parser = new CelParser(text);
        CelNode node = parser.expression();
        parser.space();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.pos) + "'");
        }
        return node;
    }

    private CelNode expression() throws CelException {
        CelNode condition = or();
        if (accept("?")) {
            CelNode whenTrue = or();
            expect(":");
            CelNode whenFalse = expression();
            return new CelNode.Conditional(condition, whenTrue, whenFalse);
        }
        return condition;
    }

    private CelNode or() throws CelException {
        CelNode left = and();
        while (accept("||")) {
            left = new CelNode.Binary("||", left, and());
        }
        return left;
    }

    private CelNode and() throws CelException {
        CelNode left = relation();
        while (accept("&&")) {
            left = new CelNode.Binary("&&", left, relation());
        }
        return left;
    }

    private CelNode relation() throws CelException {
        CelNode left = addition();
        while (true) {
            String op = acceptAny("==", "!=", "<=", ">=", "<", ">");
            if (op == null && acceptWord("in")) {
                op = "in";
            }
            if (op == null) {
                return left;
            }
            left = new CelNode.Binary(op, left, addition());
        }
    }

    private CelNode addition() throws CelException {
        CelNode left = multiplication();
        while (true) {
            String op = acceptAny("+", "-");
            if (op == null) {
                return left;
            }
            left = new CelNode.Binary(op, left, multiplication());
        }
    }

    private CelNode multiplication() throws CelException {
        CelNode left = unary();
        while (true) {
            String op = acceptAny("*", "/", "%");
            if (op == null) {
                return left;
            }
            left = new CelNode.Binary(op, left, unary());
        }
    }

    private CelNode unary() throws CelException {
        space();
        if (peek('!') && !text.startsWith("!=", pos)) {
            pos++;
            return new CelNode.Unary("!", unary());
        }
        if (peek('-')) {
            pos++;
            return new CelNode.Unary("-", unary());
        }
        return member();
    }

    private CelNode member() throws CelException {
        CelNode node = primary();
        while (true) {
            if (accept(".")) {
                String name = identifier();
                if (accept("(")) {
                    node = method(node, name);
                } else {
                    node = new CelNode.Select(node, name);
                }
            } else if (accept("[")) {
                CelNode key = expression();
                expect("]");
                node = new CelNode.Index(node, key);
            } else {
                return node;
            }
        }
    }

    private CelNode method(CelNode target, String name) throws CelException {
        if (name.equals("exists") || name.equals("all")) {
            space();
            String variable = identifier();
            expect(",");
            CelNode body = expression();
            expect(")");
            return new CelNode.Comprehension(target, name, variable, body);
        }
        if (List.of("exists_one", "map", "filter").contains(name)) {
            throw new CelException(UNSUPPORTED, "the macro " + name + " is not evaluated here");
        }
        return new CelNode.Call(target, name, arguments());
    }

    private CelNode primary() throws CelException {
        space();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            CelNode inner = expression();
            expect(")");
            return inner;
        }
        if (c == '[') {
            pos++;
            List<CelNode> items = new ArrayList<>();
            if (!accept("]")) {
                do {
                    items.add(expression());
                } while (accept(","));
                expect("]");
            }
            return new CelNode.ListLiteral(items);
        }
        if (c == '{') {
            pos++;
            List<CelNode> keys = new ArrayList<>();
            List<CelNode> values = new ArrayList<>();
            if (!accept("}")) {
                do {
                    keys.add(expression());
                    expect(":");
                    values.add(expression());
                } while (accept(","));
                expect("}");
            }
            return new CelNode.MapLiteral(keys, values);
        }
        if (c == '\'' || c == '"') {
            return new CelNode.Literal(string(c));
        }
        if (Character.isDigit(c)) {
            return new CelNode.Literal(number());
        }
        if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            switch (name) {
                case "true":
                    return new CelNode.Literal(Boolean.TRUE);
                case "false":
                    return new CelNode.Literal(Boolean.FALSE);
                case "null":
                    return new CelNode.Literal(null);
                default:
                    break;
            }
            if (accept("(")) {
                if (name.equals("has")) {
                    space();
                    CelNode argument = member();
                    expect(")");
                    if (!(argument instanceof CelNode.Select select)) {
                        throw error("has() takes a field selection");
                    }
                    return new CelNode.Has(select);
                }
                return new CelNode.Call(null, name, arguments());
            }
            return new CelNode.Ident(name);
        }
        throw error("unexpected '" + c + "'");
    }

    private List<CelNode> arguments() throws CelException {
        List<CelNode> args = new ArrayList<>();
        if (!accept(")")) {
            do {
                args.add(expression());
            } while (accept(","));
            expect(")");
        }
        return args;
    }

    private String string(char quote) throws CelException {
        if (text.startsWith(String.valueOf(quote).repeat(3), pos)) {
            throw new CelException(UNSUPPORTED, "triple-quoted strings are not read here");
        }
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case '\\', '\'', '"' -> out.append(escaped);
                    default -> throw new CelException(UNSUPPORTED, "the escape \\" + escaped + " is not read here");
                }
            } else {
                out.append(c);
            }
        }
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        pos++;
        return out.toString();
    }

    private Object number() throws CelException {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (pos < text.length() && (text.charAt(pos) == 'u' || text.charAt(pos) == 'e' || text.charAt(pos) == 'x')) {
            throw new CelException(UNSUPPORTED, "the number form at " + start + " is not read here");
        }
        try {
            return digits.contains(".") ? (Object) Double.parseDouble(digits) : (Object) Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("not a number: " + digits);
        }
    }

    private String identifier() throws CelException {
        space();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("a name was expected");
        }
        return text.substring(start, pos);
    }

    private boolean acceptWord(String word) {
        space();
        int end = pos + word.length();
        if (text.startsWith(word, pos) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                && text.charAt(end) != '_')) {
            pos = end;
            return true;
        }
        return false;
    }

    private String acceptAny(String... tokens) {
        space();
        for (String token : tokens) {
            // '|' and '&' alone are not CEL; '||' and '&&' are handled by their own levels
            if (text.startsWith(token, pos) && !(token.equals("<") && text.startsWith("<=", pos))
                    && !(token.equals(">") && text.startsWith(">=", pos))) {
                pos += token.length();
                return token;
            }
        }
        return null;
    }

    private boolean accept(String token) {
        space();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) throws CelException {
        if (!accept(token)) {
            throw error("'" + token + "' expected");
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private CelException error(String problem) {
        return new CelException(SYNTAX, problem + " at " + pos + " of: " + text);
    }
}
