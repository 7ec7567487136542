package dev.bulkhead.config;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads a {@code Pulumi.<stack>.yaml} into the config the Pulumi engine would hand the program: every top-level
 * value that is a scalar as its text, every structured value as its data with unquoted scalars resolved the way
 * go-yaml v3 resolves them ({@link PlainScalars}, which refuses the ambiguous ones). It also records the line of
 * every value, so that errors can point into the file.
 */
final class StackFile {

    /** The keys of a Pulumi stack file besides {@code config}; they do not concern the program. */
    static final List<String> PULUMI_KEYS = List.of("config", "secretsprovider", "encryptedkey", "encryptionsalt",
            "environment");

    private static final Tag MERGE = new Tag(Tag.PREFIX + "merge");

    /**
     * The file's config, the line of each path in it (1-based), and the values refused while reading it, whose
     * places in {@link #config} hold {@link Refused#VALUE}.
     */
    record Contents(Map<String, Object> config, Map<String, Integer> lines, List<ConfigError> refusals) {
    }

    private final Path file;
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final List<ConfigError> refusals = new ArrayList<>();
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
    private final CoreSchema schema = new CoreSchema();

    private StackFile(Path file) {
        this.file = file;
    }

    static Contents read(Path projectRoot, String stack) throws ConfigException {
        StackNames.require(stack);
        Path file = SettingsParser.stackFile(projectRoot, stack);
        return new StackFile(file).contents(text(file, projectRoot));
    }

    private Contents contents(String text) throws ConfigException {
        Optional<Node> document;
        try {
            document = new Compose(LoadSettings.builder().setLabel(file.getFileName().toString()).setSchema(schema).build())
                    .composeString(text);
        } catch (MarkedYamlEngineException e) {
            throw fileError("malformed YAML" + at(e.getProblemMark()) + ": " + e.getProblem());
        } catch (YamlEngineException e) {
            throw fileError("malformed YAML: " + e.getMessage());
        }
        if (document.isEmpty() || isNull(document.get())) {
            throw fileError("the file is empty; a stack file holds a config: mapping of namespace:key to values, "
                    + "see docs/configuration.md");
        }
        if (!(document.get() instanceof MappingNode top)) {
            throw fileError("expected a mapping with a config: key, got " + kind(document.get()));
        }
        MappingNode config = null;
        List<ConfigError> topErrors = new ArrayList<>();
        for (NodeTuple entry : top.getValue()) {
            String key = entry.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!PULUMI_KEYS.contains(key)) {
                topErrors.add(lineError(entry.getKeyNode(), "unknown top-level key " + quote(key)
                        + Suggestions.didYouMean(key, PULUMI_KEYS, "a stack file has the keys " + PULUMI_KEYS)
                        + " and Bulkhead's settings go under config:"));
            } else if (key.equals("environment")) {
                topErrors.add(lineError(entry.getKeyNode(), "imports Pulumi ESC environments, whose values render "
                        + "cannot read; write Bulkhead's settings under config: in this file"));
            } else if (key.equals("config")) {
                if (entry.getValueNode() instanceof MappingNode m) {
                    config = m;
                } else if (isNull(entry.getValueNode())) {
                    topErrors.add(lineError(entry.getKeyNode(), "config: is empty; it must map namespace:key to "
                            + "values, e.g. aws:region: eu-west-1"));
                } else {
                    topErrors.add(lineError(entry.getValueNode(), "config: must be a mapping of namespace:key to "
                            + "values, got " + kind(entry.getValueNode())));
                }
            }
        }
        if (config == null && topErrors.isEmpty()) {
            topErrors.add(new ConfigError(file.toString(), "the file has no config: mapping; Bulkhead's settings go "
                    + "under config:, see docs/configuration.md"));
        }
        if (!topErrors.isEmpty()) {
            throw new ConfigException(topErrors);
        }
        return new Contents(topLevel(config), lines, refusals);
    }

    /** The {@code config:} entries, with namespace-less keys moved into {@code bulkhead:} as Pulumi does. */
    private Map<String, Object> topLevel(MappingNode config) throws ConfigException {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Node> keyNodes = new LinkedHashMap<>();
        List<ConfigError> duplicates = new ArrayList<>();
        for (NodeTuple entry : config.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new ConfigException(lineError(entry.getKeyNode(), "a config key must be a namespace:key "
                        + "string, got " + kind(entry.getKeyNode())));
            }
            String key = keyNode.getValue();
            String full = key.contains(":") ? key : SettingsReader.NAMESPACE + ":" + key;
            Node first = keyNodes.putIfAbsent(full, keyNode);
            if (first != null) {
                String same = key.equals(full) ? "" : " (" + quote(full) + ")";
                duplicates.add(lineError(keyNode, "duplicate key " + quote(key) + same + "; it is already set at line "
                        + line(first) + ", and a key may appear only once"));
                continue;
            }
            lines.put(full, line(keyNode));
            // The engine hands the program a scalar as the text written, whatever its style; structures as data.
            Node value = entry.getValueNode();
            result.put(full, value instanceof ScalarNode s ? (isNull(s) ? "" : s.getValue()) : convert(full, value));
        }
        if (!duplicates.isEmpty()) {
            throw new ConfigException(duplicates);
        }
        return result;
    }

    private Object convert(String path, Node node) {
        if (inProgress.containsKey(node)) {
            return refuse(path, node, "refers to itself through an alias; write the value out");
        }
        boolean plainTag = node instanceof MappingNode ? node.getTag().equals(Tag.MAP)
                : node instanceof SequenceNode ? node.getTag().equals(Tag.SEQ) : true;
        if (!plainTag) {
            return refuse(path, node, "has the explicit tag " + node.getTag() + ", which pulumi does not read as "
                    + "Bulkhead expects; remove the tag");
        }
        inProgress.put(node, true);
        try {
            if (node instanceof MappingNode mapping) {
                return mapping(path, mapping);
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    String elementPath = path + "[" + i + "]";
                    Node element = sequence.getValue().get(i);
                    lines.putIfAbsent(elementPath, line(element));
                    list.add(convert(elementPath, element));
                }
                return list;
            }
            return scalar(path, (ScalarNode) node);
        } finally {
            inProgress.remove(node);
        }
    }

    private Map<Object, Object> mapping(String path, MappingNode mapping) {
        Map<Object, Object> map = new LinkedHashMap<>();
        Map<Object, Node> seen = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            Node keyNode = entry.getKeyNode();
            if (keyNode.getTag().equals(MERGE) || keyNode instanceof ScalarNode s && s.isPlain()
                    && s.getValue().equals("<<")) {
                refuse(path, keyNode, "uses a merge key (<<), which YAML 1.2 does not have; write the keys out");
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                refuse(path, keyNode, "has a key that is " + kind(keyNode) + "; keys are names");
                continue;
            }
            String text = scalarKey.getValue();
            String keyPath = path + "." + text;
            Object key = scalar(keyPath, scalarKey);
            if (key == Refused.VALUE) {
                continue;
            }
            if (key == null) {
                key = "null";
            }
            Node first = seen.putIfAbsent(key, keyNode);
            if (first != null) {
                refuse(keyPath, keyNode, "duplicate key " + quote(text) + "; it is already set at line " + line(first)
                        + ", and a key may appear only once in a mapping");
                continue;
            }
            lines.putIfAbsent(keyPath, line(keyNode));
            lines.putIfAbsent(path + "[" + quote(text) + "]", line(keyNode));
            map.put(key, convert(keyPath, entry.getValueNode()));
        }
        return map;
    }

    private Object scalar(String path, ScalarNode node) {
        if (!node.isPlain()) {
            return node.getValue();
        }
        boolean explicit = !node.getTag().equals(schema.getScalarResolver().resolve(node.getValue(), true));
        if (explicit && node.getTag().equals(Tag.STR)) {
            return node.getValue();
        }
        if (explicit) {
            return refuse(path, node, "has the explicit tag " + node.getTag() + "; remove it and write the value "
                    + "plainly, or quote it for text");
        }
        PlainScalars.Resolution resolution = PlainScalars.resolve(node.getValue());
        if (resolution instanceof PlainScalars.Refusal refusal) {
            return refuse(path, node, quote(node.getValue()) + " " + refusal.message());
        }
        return ((PlainScalars.Resolved) resolution).value();
    }

    private Refused refuse(String path, Node node, String message) {
        refusals.add(new ConfigError(path, message).at(line(node)));
        return Refused.VALUE;
    }

    /**
     * The file as text. A missing file names the stacks that exist; bytes that are not UTF-8 name their line, as
     * the Pulumi CLI cannot read them either.
     */
    private static String text(Path file, Path projectRoot) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            List<String> stacks = existingStacks(projectRoot);
            throw new ConfigException(new ConfigError(file.toString(), "stack file not found; "
                    + (stacks.isEmpty() ? "no Pulumi.<stack>.yaml exists in " + projectRoot
                    : "the stacks here are " + String.join(", ", stacks))
                    + "; create it (see docs/configuration.md) or select an existing stack"));
        } catch (IOException e) {
            throw new ConfigException(new ConfigError(file.toString(), "cannot read the stack file: " + e));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ConfigException(new ConfigError(file.toString(), String.format(
                    "byte 0x%02X at line %d is not UTF-8; save the file as UTF-8 (pulumi reads it as UTF-8 too)",
                    bytes[offset] & 0xFF, line)).at(line));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        // a byte-order mark is allowed before a YAML document, as go-yaml allows it
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The stacks of {@code projectRoot}: every {@code Pulumi.<stack>.yaml}, sorted. */
    static List<String> existingStacks(Path projectRoot) {
        try (var files = Files.list(projectRoot)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.isPlain() && PlainScalars.resolve(s.getValue())
                instanceof PlainScalars.Resolved r && r.value() == null;
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "the scalar " + quote(((ScalarNode) node).getValue());
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private ConfigError lineError(Node node, String message) {
        int line = line(node);
        return new ConfigError(file.toString(), message).at(line);
    }

    private static String at(Optional<Mark> mark) {
        return mark.map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("");
    }

    private ConfigException fileError(String message) {
        return new ConfigException(new ConfigError(file.toString(), message));
    }
}
