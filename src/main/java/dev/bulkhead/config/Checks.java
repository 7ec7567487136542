package dev.bulkhead.config;

import dev.bulkhead.model.ServiceRef;

import java.util.List;
import java.util.regex.Matcher;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads of the value kinds several sections share (ranges, ports, CIDRs, names, principal ARNs, service
 * references). Each returns the value, or {@code null} after recording an error that names the value and what
 * would be valid.
 */
final class Checks {

    static final int PORT_MIN = 1;
    static final int PORT_MAX = 65_535;

    static final String LABEL_RULE = "lowercase letters, digits and '-', starting and ending with a letter or digit";
    static final String DNS_RULE = "lowercase labels of 1 to 63 letters, digits and '-' joined by dots, "
            + "at most 253 characters";

    private final ConfigReader reader;

    Checks(ConfigReader reader) {
        this.reader = reader;
    }

    ConfigReader reader() {
        return reader;
    }

    /** Checks a number read from {@code node} (absent: the default, always valid). */
    void range(Node node, int value, int min, int max, String why) {
        if (node != null && (value < min || value > max)) {
            reader.error(node.path(), value + " is out of range; use " + min + " to " + max + (why.isEmpty() ? "" : " (" + why + ")"));
        }
    }

    Integer port(Node node) {
        Integer port = reader.integer(node);
        if (port != null && (port < PORT_MIN || port > PORT_MAX)) {
            reader.error(node.path(), port + " is not a port; use " + PORT_MIN + " to " + PORT_MAX);
            return null;
        }
        return port;
    }

    /** An IPv4 CIDR written as its network address. */
    Cidr cidr(Node node, String example) {
        String text = reader.string(node);
        if (text == null) {
            return null;
        }
        if (text.contains(":")) {
            reader.error(node.path(), quote(text) + " is an IPv6 address; only IPv4 CIDRs are supported here, e.g. " + example);
            return null;
        }
        Cidr cidr;
        try {
            cidr = Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            reader.error(node.path(), quote(text) + " is not an IPv4 CIDR (" + e.getMessage() + "); write a.b.c.d/prefix, e.g. "
                    + example);
            return null;
        }
        if (!cidr.isNetworkAddress()) {
            reader.error(node.path(), quote(text) + " is not a network address (host bits are set); write " + cidr.network());
            return null;
        }
        return cidr;
    }

    /**
     * A name that becomes (part of) a Service name, so an RFC 1035 label: an RFC 1123 label that starts with a
     * letter, of at most {@code max} characters.
     */
    String serviceName(Node node, int max, String what) {
        String text = label(node, max, what);
        if (text != null && !Formats.isServiceName(text, max)) {
            reader.error(node.path(), quote(text) + " starts with a digit, but a " + what + " becomes part of a "
                    + "Kubernetes Service name, which must start with a letter; rename it");
            return null;
        }
        return text;
    }

    /** An RFC 1123 label of at most {@code max} characters; {@code what} names it in the message. */
    String label(Node node, int max, String what) {
        String text = reader.string(node);
        if (text != null && !Formats.isLabel(text, max)) {
            reader.error(node.path(), quote(text) + " is not a valid " + what + "; use an RFC 1123 label: at most " + max
                    + " " + LABEL_RULE);
            return null;
        }
        return text;
    }

    String dnsName(Node node, boolean wildcard) {
        String text = reader.string(node);
        if (text != null && !Formats.isDnsName(text, wildcard)) {
            reader.error(node.path(), quote(text) + " is not a DNS name; use " + DNS_RULE
                    + (wildcard ? ", optionally after a leading \"*.\" wildcard" : ""));
            return null;
        }
        return text;
    }

    /** A string that must be one of {@code allowed}; a close miss gets a suggestion. */
    String oneOf(Node node, List<String> allowed) {
        String text = reader.string(node);
        if (text != null && !allowed.contains(text)) {
            reader.error(node.path(), quote(text) + " is not valid"
                    + Suggestions.didYouMean(text, allowed, "use one of " + allowed));
            return null;
        }
        return text;
    }

    /**
     * An IAM user or role ARN (or the account root, when {@code allowRoot}). Wildcards are refused: a trust
     * policy names exact principals.
     */
    String principal(Node node, boolean allowRoot, String region) {
        String arn = reader.string(node);
        if (arn == null) {
            return null;
        }
        if (arn.contains("*")) {
            reader.error(node.path(), quote(arn) + " contains a wildcard; trust policies name exact principals: "
                    + Arns.IAM_PRINCIPAL_EXAMPLE);
            return null;
        }
        Matcher m = Arns.IAM_PRINCIPAL.matcher(arn);
        if (!m.matches()) {
            reader.error(node.path(), quote(arn) + " is not an IAM principal ARN; use " + Arns.IAM_PRINCIPAL_EXAMPLE
                    + ", the name at most 64 letters, digits and +=,.@_-");
            return null;
        }
        if (region != null && !m.group(1).equals(AwsRegions.partition(region))) {
            reader.error(node.path(), quote(arn) + " is in the partition " + m.group(1) + ", but aws:region " + region
                    + " is in " + AwsRegions.partition(region) + "; a role can only trust principals of its own "
                    + "partition (arn:" + AwsRegions.partition(region) + ":iam::...)");
            return null;
        }
        Matcher root = Arns.ACCOUNT_ROOT.matcher(arn);
        if (root.matches() && !allowRoot) {
            reader.error(node.path(), quote(arn) + " is the root of account " + root.group(2)
                    + ": it lets in every principal of that account allowed to call sts:AssumeRole; name users or roles, "
                    + "or set bulkhead:access.allowAccountRoot: true");
            return null;
        }
        return arn;
    }

    /**
     * A Service written {@code namespace/name}. With {@code namespaces}, the namespace must be one of them (the
     * project's own); {@code null} skips that check when the project's namespaces could not be read.
     */
    ServiceRef service(Node node, List<String> namespaces) {
        String text = reader.string(node);
        if (text == null) {
            return null;
        }
        String[] parts = text.split("/", -1);
        if (parts.length != 2 || !Formats.isLabel(parts[0], Formats.RFC1123_LABEL_MAX)
                || !Formats.isServiceName(parts[1], Formats.RFC1123_LABEL_MAX)) {
            reader.error(node.path(), quote(text) + " is not a service reference; write namespace/name, both RFC 1123 "
                    + "labels (" + LABEL_RULE + ") and the name starting with a letter, e.g. shop-web/storefront");
            return null;
        }
        if (namespaces != null && !namespaces.contains(parts[0])) {
            reader.error(node.path(), quote(text) + " is outside this project: namespace " + quote(parts[0])
                    + " is not one of its namespaces " + namespaces);
            return null;
        }
        return new ServiceRef(parts[0], parts[1]);
    }
}
