package dev.bulkhead.config;

import com.google.gson.Gson;
import dev.bulkhead.model.OperatorSpec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads {@code bulkhead:operator}: whether the Pulumi Kubernetes Operator runs the projects' stacks, where it takes
 * this program from, where those stacks keep their state, and the only networks its workspaces may reach. Off by
 * default; when off, no other key may be set (it would have no effect).
 */
final class OperatorSection {

    static final String KEY = "bulkhead:operator";
    static final List<String> KEYS = List.of("enabled", "repository", "branch", "path", "organization",
            "stateBackend", "secretsProvider", "credentialsSecret", "gitAuthSecret", "gitCidrs", "backendCidrs",
            "dependencyCidrs", "workspaceImage");
    /** Keys a project stack does not inherit: the layer it runs is set per Stack, and it runs no operator. */
    static final List<String> NOT_INHERITED = List.of(KEY, LayerSection.LAYER, LayerSection.PROJECT);
    static final String DEFAULT_BRANCH = "main";

    static final Pattern BRANCH = Pattern.compile("^(?!/)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]+(?<!/)(?<!\\.lock)$");
    static final Pattern REPO_PATH = Pattern.compile("^(?!/)(?!.*\\.\\.)[A-Za-z0-9._/-]*$");
    static final Pattern ORGANIZATION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$");
    static final Pattern S3_BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    static final Pattern IMAGE = Pattern.compile("^[a-z0-9][a-z0-9._/:-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$");
    static final List<String> SECRETS_PROVIDERS = List.of("awskms://", "passphrase");

    /** What the operator's networks may add up to: one /8. */
    static final long MAX_ADDRESSES = 1L << (32 - AddressRanges.WIDEST_PREFIX);
    /** Link-local, loopback and reserved space, which no operator network lies in. */
    static final List<Cidr> LOCAL = List.of(Cidr.parse("169.254.0.0/16"), Cidr.parse("127.0.0.0/8"),
            Cidr.parse("0.0.0.0/8"), Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"));

    private static final Gson GSON = new Gson();

    private OperatorSection() {
    }

    static OperatorSpec read(Checks checks, Fields root, Map<String, Object> config) {
        ConfigReader reader = checks.reader();
        Fields f = root.fields(KEY, KEYS, false);
        boolean enabled = f.bool("enabled", false);
        if (!enabled) {
            for (String key : KEYS.subList(1, KEYS.size())) {
                if (f.node(key) != null) {
                    reader.error(f.path(key), "has no effect while " + f.path("enabled")
                            + " is false; set enabled: true to run project stacks with the operator, or remove it");
                }
            }
            return OperatorSpec.disabled();
        }
        String repository = repository(reader, f.required("repository", "the https URL of this program's git "
                + "repository, e.g. https://github.com/acme/platform.git"));
        String branch = matching(reader, f.node("branch"), BRANCH, "is not a git branch name; use letters, digits, "
                + "'.', '_', '-' and '/' without '..', e.g. main or release/2026", DEFAULT_BRANCH);
        String path = matching(reader, f.node("path"), REPO_PATH, "is not a directory inside the repository; write "
                + "a relative path without '..', e.g. infra/bulkhead (empty: the repository root)", "");
        Node org = f.node("organization");
        Optional<String> organization = Optional.ofNullable(org == null ? null : matching(reader, org, ORGANIZATION,
                "is not a Pulumi organization name; use letters, digits, '_', '.' and '-', e.g. acme", null));
        String backend = backend(reader, f.required("stateBackend", "where project stacks keep their state: "
                + "s3://<bucket>[/<prefix>] or https://<Pulumi Cloud host>"));
        Optional<String> secretsProvider = Optional.ofNullable(secretsProvider(reader, f.node("secretsProvider")));
        Node sharedCredentials = f.node("credentialsSecret");
        if (sharedCredentials != null) {
            reader.error(sharedCredentials.path(), quote(String.valueOf(sharedCredentials.value())) + " would be one "
                    + "credentials Secret for every project's stack, letting each project's workspace read and rewrite "
                    + "the others' state; remove it and name one Secret per project "
                    + "in " + ProjectsSection.KEY + "[].stack.credentialsSecret (default <project>-stack-credentials)");
        }
        Optional<String> gitAuth = Optional.ofNullable(secretName(checks, f.node("gitAuthSecret")));
        List<String> gitCidrs = cidrs(checks, f.list("gitCidrs", true, "IPv4 CIDRs of the git host (port 443)"));
        List<String> backendCidrs = cidrs(checks, f.list("backendCidrs", true,
                "IPv4 CIDRs of the state backend (port 443)"));
        List<String> dependencyCidrs = cidrs(checks, f.list("dependencyCidrs", false,
                "IPv4 CIDRs of Maven and plugin downloads (port 443)"));
        reach(checks.reader(), KEY, gitCidrs, backendCidrs, dependencyCidrs);
        Node imageNode = f.node("workspaceImage");
        Optional<String> image = Optional.ofNullable(imageNode == null ? null : image(reader, imageNode));
        return new OperatorSpec(true, repository == null ? "" : repository, branch, path, organization,
                backend == null ? "" : backend, secretsProvider, gitAuth, gitCidrs, backendCidrs,
                dependencyCidrs, image, inherited(reader, config), Map.of());
    }

    /**
     * The platform stack's config as project stacks receive it: a Stack's config values are strings, so structured
     * values travel as JSON, which the engine-config reader parses back. Pulumi secrets cannot travel this way.
     */
    static Map<String, String> inherited(ConfigReader reader, Map<String, Object> config) {
        Map<String, String> out = new TreeMap<>();
        config.forEach((key, value) -> {
            if (NOT_INHERITED.contains(key) || value == null || value == Refused.VALUE) {
                return;
            }
            if (Secrets.isSecret(value)) {
                reader.error(key, "is a Pulumi secret, which project stacks cannot inherit through their Stack "
                        + "object; keep secrets out of the platform stack's config while " + KEY + ".enabled is true");
                return;
            }
            Object passed = key.equals(ProjectsSection.KEY) ? withoutStacks(value) : value;
            out.put(key, passed instanceof String s ? s : GSON.toJson(passed));
        });
        return out;
    }

    /**
     * The projects without their {@code stack} settings: a project layer needs none of them (it runs no operator), and
     * they name other projects' repositories, state locations and Secrets.
     */
    private static Object withoutStacks(Object projects) {
        if (!(projects instanceof List<?> list)) {
            return projects;
        }
        List<Object> out = new ArrayList<>();
        for (Object project : list) {
            if (project instanceof Map<?, ?> map && map.containsKey("stack")) {
                Map<Object, Object> copy = new java.util.LinkedHashMap<>(map);
                copy.remove("stack");
                out.add(copy);
            } else {
                out.add(project);
            }
        }
        return out;
    }

    static String repository(ConfigReader reader, Node node) {
        if (node == null) {
            return null;
        }
        String text = reader.string(node);
        if (text == null) {
            return null;
        }
        String valid = "; write the https URL of the repository without credentials, query or fragment, e.g. "
                + "https://github.com/acme/platform.git";
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            reader.error(node.path(), quote(text) + " is not a URL" + valid);
            return null;
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            reader.error(node.path(), quote(text) + " is not an https URL (the workspaces may reach the git host on "
                    + "443 only)" + valid);
            return null;
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            reader.error(node.path(), quote(text) + " carries credentials, a query or a fragment; name a Secret in "
                    + "gitAuthSecret for a private repository" + valid);
            return null;
        }
        return text;
    }

    static String backend(ConfigReader reader, Node node) {
        if (node == null) {
            return null;
        }
        String text = reader.string(node);
        if (text == null) {
            return null;
        }
        if (text.startsWith("s3://")) {
            String rest = text.substring("s3://".length());
            String bucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            String query = bucket.contains("?") ? bucket.substring(bucket.indexOf('?')) : "";
            bucket = bucket.substring(0, bucket.length() - query.length());
            if (S3_BUCKET.matcher(bucket).matches()) {
                return text;
            }
            reader.error(node.path(), quote(text) + " does not name an S3 bucket; write s3://<bucket>[/<prefix>], the "
                    + "bucket 3 to 63 lowercase letters, digits, '.' and '-'");
            return null;
        }
        if (text.startsWith("https://") && text.length() > "https://".length()) {
            return text;
        }
        reader.error(node.path(), quote(text) + " is not a state backend project stacks can use; use "
                + "s3://<bucket>[/<prefix>] or https://<Pulumi Cloud host>, e.g. https://api.pulumi.com "
                + "(a file:// backend would live and die with the workspace pod)");
        return null;
    }

    static String secretsProvider(ConfigReader reader, Node node) {
        if (node == null) {
            return null;
        }
        String text = reader.string(node);
        if (text != null && (text.equals("passphrase") || text.startsWith("awskms://") && text.length() > 9)) {
            return text;
        }
        if (text != null) {
            reader.error(node.path(), quote(text) + " is not a secrets provider project stacks can use; use "
                    + "awskms://<key id or alias>?region=<region> or passphrase (with PULUMI_CONFIG_PASSPHRASE in "
                    + "the project's credentials Secret)");
        }
        return null;
    }

    static String secretName(Checks checks, Node node) {
        return node == null ? null : checks.dnsName(node, false);
    }

    static String matching(ConfigReader reader, Node node, Pattern pattern, String rule, String absent) {
        if (node == null) {
            return absent;
        }
        String text = reader.string(node);
        if (text != null && !pattern.matcher(text).matches()) {
            reader.error(node.path(), quote(text) + " " + rule);
            return absent;
        }
        return text == null ? absent : text;
    }

    private static String image(ConfigReader reader, Node node) {
        String text = reader.string(node);
        if (text == null) {
            return null;
        }
        if (!IMAGE.matcher(text).matches() || text.substring(text.lastIndexOf('/') + 1).contains(":latest")) {
            reader.error(node.path(), quote(text) + " is not a pinned image; write repository:tag (not a latest tag) or "
                    + "repository@sha256:<digest>, e.g. pulumi/pulumi:3.150.0-nonroot");
            return null;
        }
        return text;
    }

    /**
     * The operator's networks together must stay a handful of hosts' ranges: many acceptable blocks can still add up
     * to a large part of the internet (two /1 halves, or a hundred /8s).
     */
    static void reach(ConfigReader reader, String path, List<String> git, List<String> backend,
                      List<String> dependencies) {
        List<Cidr> all = new ArrayList<>();
        for (List<String> list : List.of(git, backend, dependencies)) {
            list.forEach(c -> all.add(Cidr.parse(c)));
        }
        long addresses = AddressRanges.addresses(all);
        if (addresses > MAX_ADDRESSES) {
            reader.error(path, "gitCidrs, backendCidrs and dependencyCidrs together cover " + addresses + " addresses, "
                    + "more than a /" + AddressRanges.WIDEST_PREFIX + " (" + MAX_ADDRESSES + "); the operator's "
                    + "workspaces may reach the git host, the state backend and the dependency mirrors, not the "
                    + "internet: list their published ranges only");
        }
    }

    static List<String> cidrs(Checks checks, List<Node> nodes) {
        List<String> out = new ArrayList<>();
        for (Node node : nodes) {
            Cidr cidr = checks.cidr(node, "140.82.112.0/20");
            if (cidr == null) {
                continue;
            }
            if (cidr.prefix() == 0) {
                checks.reader().error(node.path(), quote(cidr.toString()) + " is the whole internet; list the "
                        + "host's own address ranges, e.g. 140.82.112.0/20");
                continue;
            }
            if (cidr.prefix() < AddressRanges.WIDEST_PREFIX) {
                checks.reader().error(node.path(), quote(cidr.toString()) + " covers 1/" + (1L << cidr.prefix())
                        + " of all IPv4 addresses; list the host's own address ranges, each at most a /"
                        + AddressRanges.WIDEST_PREFIX + ", e.g. 140.82.112.0/20");
                continue;
            }
            if (AddressRanges.inside(cidr, LOCAL)) {
                checks.reader().error(node.path(), quote(cidr.toString()) + " is link-local, loopback or reserved space "
                        + "(the instance metadata service and the Pod Identity agent live there), never a git host or "
                        + "a state backend; list the host's own address ranges");
                continue;
            }
            out.add(cidr.toString());
        }
        return out;
    }
}
