package dev.bulkhead.netpol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.bulkhead.netpol.LabelSelector.Operator;
import dev.bulkhead.netpol.LabelSelector.Requirement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Turns one NetworkPolicy object into a {@link Policy}, rejecting what Kubernetes would reject and what this
 * evaluator does not model (unknown fields, IPv6). Every error names the policy and the path of the bad field.
 * A JSON {@code null} counts as an absent field, as it does for the API server.
 */
final class PolicyParser {

    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?");

    private String policy;

    private PolicyParser(String policy) {
        this.policy = policy;
    }

    /** @param position the policy's place in the input, to name it before its metadata is known */
    static Policy parse(JsonObject json, int position) {
        return new PolicyParser("#" + position).policy(json);
    }

    private Policy policy(JsonObject root) {
        if (root == null) {
            throw fail("", "is null");
        }
        expect(root, "apiVersion", "networking.k8s.io/v1");
        expect(root, "kind", "NetworkPolicy");
        JsonObject metadata = object(required(root, "metadata", "metadata"), "metadata");
        String name = nonEmptyString(required(metadata, "name", "metadata.name"), "metadata.name");
        policy = name;
        String namespace = nonEmptyString(required(metadata, "namespace", "metadata.namespace"), "metadata.namespace");
        policy = namespace + "/" + name;

        JsonObject spec = object(required(root, "spec", "spec"), "spec");
        onlyFields(spec, "spec", "podSelector", "policyTypes", "ingress", "egress");
        LabelSelector podSelector = optional(spec, "podSelector")
                .map(selector -> selector(selector, "spec.podSelector"))
                .orElse(LabelSelector.ALL);
        Map<Direction, List<Rule>> parsed = new EnumMap<>(Direction.class);
        for (Direction direction : Direction.values()) {
            parsed.put(direction, rules(spec, direction, namespace));
        }
        Map<Direction, List<Rule>> rules = new EnumMap<>(Direction.class);
        for (Direction direction : policyTypes(spec, parsed)) {
            rules.put(direction, parsed.get(direction));
        }
        return new Policy(namespace, name, podSelector, rules);
    }

    /** The effective policyTypes: as written, or by default Ingress, plus Egress when there is an egress rule. */
    private Set<Direction> policyTypes(JsonObject spec, Map<Direction, List<Rule>> rules) {
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        List<String> written = list(optional(spec, "policyTypes"), "spec.policyTypes", this::string);
        for (String type : written) {
            types.add(Arrays.stream(Direction.values()).filter(d -> d.policyType.equals(type)).findFirst()
                    .orElseThrow(() -> fail("spec.policyTypes", "unknown policy type '" + type + "' (Ingress or Egress)")));
        }
        if (types.isEmpty()) {
            // The API server's defaulting looks at the number of egress rules, so `egress: []` adds nothing.
            types.add(Direction.INGRESS);
            if (!rules.get(Direction.EGRESS).isEmpty()) {
                types.add(Direction.EGRESS);
            }
        }
        return types;
    }

    private List<Rule> rules(JsonObject spec, Direction direction, String namespace) {
        String field = direction.lowerCase();
        String peersField = direction == Direction.INGRESS ? "from" : "to";
        return list(optional(spec, field), "spec." + field, (element, path) -> {
            JsonObject rule = object(element, path);
            onlyFields(rule, path, peersField, "ports");
            return new Rule(
                    list(optional(rule, peersField), path + "." + peersField, (peer, at) -> peer(peer, at, namespace)),
                    list(optional(rule, "ports"), path + ".ports", this::port));
        });
    }

    private Peer peer(JsonElement element, String path, String namespace) {
        JsonObject peer = object(element, path);
        onlyFields(peer, path, "podSelector", "namespaceSelector", "ipBlock");
        Optional<LabelSelector> namespaces = optional(peer, "namespaceSelector")
                .map(selector -> selector(selector, path + ".namespaceSelector"));
        Optional<LabelSelector> pods = optional(peer, "podSelector")
                .map(selector -> selector(selector, path + ".podSelector"));
        Optional<JsonElement> ipBlock = optional(peer, "ipBlock");
        if (ipBlock.isPresent()) {
            if (namespaces.isPresent() || pods.isPresent()) {
                throw fail(path, "ipBlock cannot be combined with podSelector or namespaceSelector");
            }
            return ipBlock(ipBlock.get(), path + ".ipBlock");
        }
        if (namespaces.isEmpty() && pods.isEmpty()) {
            throw fail(path, "a peer needs podSelector, namespaceSelector or ipBlock");
        }
        return new Peer.Pods(namespace, namespaces, pods);
    }

    private Peer ipBlock(JsonElement element, String path) {
        JsonObject block = object(element, path);
        onlyFields(block, path, "cidr", "except");
        Ipv4Cidr cidr = cidr(required(block, "cidr", path + ".cidr"), path + ".cidr");
        List<Ipv4Cidr> except = list(optional(block, "except"), path + ".except", this::cidr);
        for (int i = 0; i < except.size(); i++) {
            if (!cidr.strictlyContains(except.get(i))) {
                throw fail(path + ".except[" + i + "]", except.get(i) + " is not strictly inside " + cidr);
            }
        }
        return new Peer.IpBlock(cidr, except);
    }

    private Ipv4Cidr cidr(JsonElement element, String path) {
        String text = string(element, path);
        if (text.contains(":")) {
            throw fail(path, "IPv6 is not supported: '" + text + "'");
        }
        try {
            return Ipv4Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(path, e.getMessage());
        }
    }

    private PortMatch port(JsonElement element, String path) {
        JsonObject entry = object(element, path);
        onlyFields(entry, path, "protocol", "port", "endPort");
        Protocol protocol = optional(entry, "protocol").map(p -> protocol(p, path + ".protocol")).orElse(Protocol.TCP);
        Optional<JsonElement> port = optional(entry, "port");
        Optional<JsonElement> endPort = optional(entry, "endPort");
        boolean named = port.isPresent() && port.get().isJsonPrimitive() && port.get().getAsJsonPrimitive().isString();
        if (endPort.isPresent() && (port.isEmpty() || named)) {
            throw fail(path + ".endPort", "needs a numeric port");
        }
        if (port.isEmpty()) {
            return PortMatch.range(protocol, 1, 65535);
        }
        if (named) {
            return PortMatch.named(protocol, portName(port.get().getAsString(), path + ".port"));
        }
        int first = portNumber(port.get(), path + ".port");
        int last = endPort.isPresent() ? portNumber(endPort.get(), path + ".endPort") : first;
        if (last < first) {
            throw fail(path + ".endPort", "must not be below port " + first + ", got " + last);
        }
        return PortMatch.range(protocol, first, last);
    }

    private Protocol protocol(JsonElement element, String path) {
        String text = string(element, path);
        return Arrays.stream(Protocol.values()).filter(p -> p.name().equals(text)).findFirst()
                .orElseThrow(() -> fail(path, "unknown protocol '" + text + "' (TCP, UDP or SCTP)"));
    }

    private int portNumber(JsonElement element, String path) {
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
            try {
                int number = element.getAsBigDecimal().intValueExact();
                if (number >= 1 && number <= 65535) {
                    return number;
                }
            } catch (ArithmeticException notAnInt) {
                // reported below
            }
        }
        throw fail(path, "must be a port number 1..65535, got " + element);
    }

    /** A port name as Kubernetes allows it: at most 15 lower-case letters, digits and single hyphens, one letter. */
    private String portName(String name, String path) {
        boolean valid = PORT_NAME.matcher(name).matches() && !name.contains("--") && name.matches(".*[a-z].*");
        if (!valid) {
            throw fail(path, "not a valid port name: '" + name + "'");
        }
        return name;
    }

    private LabelSelector selector(JsonElement element, String path) {
        JsonObject selector = object(element, path);
        onlyFields(selector, path, "matchLabels", "matchExpressions");
        List<Requirement> requirements = new ArrayList<>();
        optional(selector, "matchLabels").ifPresent(labels -> {
            for (Map.Entry<String, JsonElement> label : object(labels, path + ".matchLabels").entrySet()) {
                String at = path + ".matchLabels." + label.getKey();
                requirements.add(new Requirement(labelKey(label.getKey(), at), Operator.IN,
                        Set.of(string(label.getValue(), at))));
            }
        });
        requirements.addAll(list(optional(selector, "matchExpressions"), path + ".matchExpressions", this::expression));
        return new LabelSelector(requirements);
    }

    private Requirement expression(JsonElement element, String path) {
        JsonObject expression = object(element, path);
        onlyFields(expression, path, "key", "operator", "values");
        String key = labelKey(string(required(expression, "key", path + ".key"), path + ".key"), path + ".key");
        String operatorText = string(required(expression, "operator", path + ".operator"), path + ".operator");
        Operator operator = switch (operatorText) {
            case "In" -> Operator.IN;
            case "NotIn" -> Operator.NOT_IN;
            case "Exists" -> Operator.EXISTS;
            case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
            default -> throw fail(path + ".operator",
                    "unknown operator '" + operatorText + "' (In, NotIn, Exists or DoesNotExist)");
        };
        List<String> values = list(optional(expression, "values"), path + ".values", this::string);
        boolean takesValues = operator == Operator.IN || operator == Operator.NOT_IN;
        if (takesValues == values.isEmpty()) {
            throw fail(path + ".values", takesValues
                    ? "must not be empty for operator " + operatorText
                    : "must be empty for operator " + operatorText);
        }
        return new Requirement(key, operator, new HashSet<>(values));
    }

    private String labelKey(String key, String path) {
        if (key.isEmpty()) {
            throw fail(path, "label key must not be empty");
        }
        return key;
    }

    // --- JSON access, each reporting the path it was asked about ---

    private void expect(JsonObject object, String field, String value) {
        String found = string(required(object, field, field), field);
        if (!found.equals(value)) {
            throw fail(field, "expected '" + value + "', got '" + found + "'");
        }
    }

    private static Optional<JsonElement> optional(JsonObject object, String field) {
        JsonElement element = object.get(field);
        return element == null || element.isJsonNull() ? Optional.empty() : Optional.of(element);
    }

    private JsonElement required(JsonObject object, String field, String path) {
        return optional(object, field).orElseThrow(() -> fail(path, "is required"));
    }

    private void onlyFields(JsonObject object, String path, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String field : object.keySet()) {
            if (!known.contains(field)) {
                throw fail(path.isEmpty() ? field : path + "." + field, "unsupported field");
            }
        }
    }

    private <T> List<T> list(Optional<JsonElement> element, String path, BiFunction<JsonElement, String, T> item) {
        if (element.isEmpty()) {
            return List.of();
        }
        if (!element.get().isJsonArray()) {
            throw fail(path, "must be a list");
        }
        JsonArray array = element.get().getAsJsonArray();
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            items.add(item.apply(array.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    private JsonObject object(JsonElement element, String path) {
        if (element == null || !element.isJsonObject()) {
            throw fail(path, "must be an object");
        }
        return element.getAsJsonObject();
    }

    private String string(JsonElement element, String path) {
        if (element instanceof JsonPrimitive primitive && primitive.isString()) {
            return primitive.getAsString();
        }
        throw fail(path, "must be a string, got " + element);
    }

    private String nonEmptyString(JsonElement element, String path) {
        String text = string(element, path);
        if (text.isEmpty()) {
            throw fail(path, "must not be empty");
        }
        return text;
    }

    private IllegalArgumentException fail(String path, String message) {
        return new IllegalArgumentException(
                "NetworkPolicy " + policy + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }
}
