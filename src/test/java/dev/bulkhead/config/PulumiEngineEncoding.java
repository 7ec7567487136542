package dev.bulkhead.config;

import com.google.gson.GsonBuilder;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A test model of what the Pulumi CLI hands a program for a stack file ({@code PULUMI_CONFIG}): it reads the file with
 * go-yaml v3, passes each top-level scalar as the text written, and each structured value as the JSON of go-yaml v3's
 * reading (nulls kept, as Go's encoder keeps them), in which unquoted scalars are resolved by go-yaml's rules (a
 * leading zero is octal, {@code _} is dropped from numbers, {@code on} and {@code 7:23} stay text, {@code 3.0} is the
 * float 3 and JSON writes it {@code 3}).
 * Written independently of the program's reader, so that the two can be compared.
 */
final class PulumiEngineEncoding {

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSES = Set.of("false", "False", "FALSE");
    private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    private PulumiEngineEncoding() {
    }

    /** The engine's flat config for the stack file {@code yaml}, keys namespaced as Pulumi namespaces them. */
    static Map<String, String> of(String yaml) {
        MappingNode top = (MappingNode) new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow();
        Map<String, String> flat = new LinkedHashMap<>();
        for (NodeTuple entry : top.getValue()) {
            if (!((ScalarNode) entry.getKeyNode()).getValue().equals("config")) {
                continue;
            }
            for (NodeTuple c : ((MappingNode) entry.getValueNode()).getValue()) {
                String key = ((ScalarNode) c.getKeyNode()).getValue();
                String full = key.contains(":") ? key : "bulkhead:" + key;
                Node value = c.getValueNode();
                flat.put(full, value instanceof ScalarNode s
                        ? (s.isPlain() && NULLS.contains(s.getValue()) ? "" : s.getValue())
                        : new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(decode(value)));
            }
        }
        return flat;
    }

    private static Object decode(Node node) {
        if (node instanceof MappingNode m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                map.put(String.valueOf(decode(t.getKeyNode())), decode(t.getValueNode()));
            }
            return map;
        }
        if (node instanceof SequenceNode s) {
            List<Object> list = new ArrayList<>();
            s.getValue().forEach(n -> list.add(decode(n)));
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.isPlain() ? resolve(scalar.getValue()) : scalar.getValue();
    }

    /** go-yaml v3's {@code resolve()} for an untagged plain scalar, as decoded into {@code interface{}}. */
    static Object resolve(String text) {
        if (NULLS.contains(text)) {
            return null;
        }
        if (TRUES.contains(text)) {
            return true;
        }
        if (FALSES.contains(text)) {
            return false;
        }
        if (text.isEmpty() || "+-.0123456789".indexOf(text.charAt(0)) < 0) {
            return text;
        }
        String plain = text.replace("_", "");
        BigInteger integer = goParseInt(plain);
        if (integer != null) {
            return integer;
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            return Double.parseDouble(plain);
        }
        return text;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)}: sign, then 0x, 0o, 0b or a leading 0 (octal), else decimal. */
    private static BigInteger goParseInt(String s) {
        String sign = s.startsWith("-") ? "-" : "";
        String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        int radix = 10;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            radix = 16;
            body = body.substring(2);
        } else if (body.startsWith("0o") || body.startsWith("0O")) {
            radix = 8;
            body = body.substring(2);
        } else if (body.startsWith("0b") || body.startsWith("0B")) {
            radix = 2;
            body = body.substring(2);
        } else if (body.length() > 1 && body.startsWith("0")) {
            radix = 8;
            body = body.substring(1);
        }
        BigInteger value;
        try {
            value = new BigInteger(sign + body, radix);
        } catch (NumberFormatException e) {
            return null;
        }
        return value.bitLength() < 64 ? value : null;
    }
}
