package dev.bulkhead.config;

import java.util.regex.Pattern;

/**
 * The textual formats config values must have: AWS region and instance type names, Kubernetes names, label keys
 * and quantities, DNS names and registry hosts. Each is a named pattern plus, where a pattern alone cannot say
 * it (lengths, dotted parts), a small predicate.
 */
final class Formats {

    /** {@code eu-west-1}, {@code us-gov-west-1}. */
    static final Pattern AWS_REGION = Pattern.compile("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$");

    /**
     * An RFC 1035 label, which a Service name must be: an RFC 1123 label that starts with a letter. Project and
     * export names become Service names (an export's Service, the Service Istio creates for a project's gateway).
     */
    static final Pattern RFC1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");

    /** An RFC 1123 label: namespaces, project, node group and export names, service names. */
    static final Pattern RFC1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    static final int RFC1123_LABEL_MAX = 63;
    /** Project and node group names: short enough that derived names (AWS, gateway namespace) stay readable. */
    static final int NAME_MAX = 40;

    /**
     * The EKS versions Bulkhead is written for: 1.30 (the first to serve ValidatingAdmissionPolicy as v1, which
     * the perimeter's admission guards are) to 1.39.
     */
    static final Pattern KUBERNETES_VERSION = Pattern.compile("^1\\.3[0-9]$");

    /** An EC2 instance type: {@code m6i.large}, {@code c7g.2xlarge}. */
    static final Pattern INSTANCE_TYPE = Pattern.compile("^[a-z0-9-]+\\.[a-z0-9]+$");

    /** A Kubernetes quantity as quotas use it: {@code 4}, {@code 500m}, {@code 1.5}, {@code 8Gi}. */
    static final Pattern QUANTITY = Pattern.compile("^[0-9]+(\\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|M|G|T)?$");

    /** The name part of a label key, and a non-empty label value (at most 63 characters each). */
    static final Pattern LABEL_NAME = Pattern.compile("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$");
    static final int DNS_NAME_MAX = 253;

    /** A container registry without scheme: {@code host[:port][/path]}, e.g. {@code ghcr.io/acme}. */
    static final Pattern REGISTRY = Pattern.compile(
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*$");

    private Formats() {
    }

    static boolean isServiceName(String s, int max) {
        return s.length() <= max && RFC1035_LABEL.matcher(s).matches();
    }

    static boolean isLabel(String s, int max) {
        return s.length() <= max && RFC1123_LABEL.matcher(s).matches();
    }

    /** A lowercase DNS name; with {@code wildcard}, {@code *.} may lead it. */
    static boolean isDnsName(String s, boolean wildcard) {
        String name = wildcard && s.startsWith("*.") ? s.substring(2) : s;
        if (name.isEmpty() || s.length() > DNS_NAME_MAX) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!isLabel(label, RFC1123_LABEL_MAX)) {
                return false;
            }
        }
        return true;
    }

    /** A Kubernetes label (or taint) key: an optional DNS-subdomain prefix and {@code /}, then a name. */
    static boolean isLabelKey(String s) {
        int slash = s.lastIndexOf('/');
        String name = s.substring(slash + 1);
        if (slash >= 0 && !isDnsName(s.substring(0, slash), false)) {
            return false;
        }
        return name.length() <= RFC1123_LABEL_MAX && LABEL_NAME.matcher(name).matches();
    }

    /** A Kubernetes label value: empty, or a name of at most 63 characters. */
    static boolean isLabelValue(String s) {
        return s.isEmpty() || s.length() <= RFC1123_LABEL_MAX && LABEL_NAME.matcher(s).matches();
    }
}
