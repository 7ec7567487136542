package dev.bulkhead.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The one place where names of cloud and cluster objects are derived. Names are deterministic (same input, same
 * name) and always within the limit of the object they name: a name that would be too long keeps a readable
 * prefix and ends in a short hash of the full name, so two long names never collide by truncation.
 */
public final class Names {

    /** Kubernetes object names and label values (RFC 1123 label). */
    public static final int KUBERNETES_MAX = 63;
    /** ALB and target group names. */
    public static final int ELB_MAX = 32;
    /** IAM role and policy names. */
    public static final int IAM_ROLE_MAX = 64;
    /** EKS cluster names. */
    public static final int EKS_CLUSTER_MAX = 100;

    private static final int HASH_CHARS = 6;

    private Names() {
    }

    /** The prefix of every physical AWS name in a stack: {@code bulkhead-<stack>}. */
    public static String stackPrefix(String stack) {
        return "bulkhead-" + sanitize(stack);
    }

    /** The EKS cluster's name. */
    public static String cluster(String stack) {
        return fit(stackPrefix(stack), EKS_CLUSTER_MAX);
    }

    /** An IAM role's name, e.g. {@code bulkhead-dev-admin}. */
    public static String iamRole(String stack, String role) {
        return fit(stackPrefix(stack) + "-" + sanitize(role), IAM_ROLE_MAX);
    }

    /** A project's ALB name: at most 32 characters, as AWS requires. */
    public static String alb(String stack, String project) {
        return fit(sanitize(stack) + "-" + sanitize(project), ELB_MAX);
    }

    /** A project's target group name: at most 32 characters. */
    public static String targetGroup(String stack, String project) {
        return fit(sanitize(stack) + "-" + sanitize(project) + "-gw", ELB_MAX);
    }

    /** What every target group name of a stack starts with (see {@link #targetGroup}). */
    public static String targetGroupPrefix(String stack) {
        return sanitize(stack) + "-";
    }

    /** The namespace that holds a project's ingress gateway. */
    public static String gatewayNamespace(String project) {
        return kubernetes(project + "-gateway");
    }

    /**
     * The Kubernetes group of the platform admin role, which Pulumi uses in the cluster: admission lets this group
     * write the perimeter, and no binding grants it anything (its rights come from its EKS access policy).
     */
    public static String platformAdminGroup() {
        return "bulkhead:platform-admins";
    }

    /**
     * The Kubernetes group a project's developers are in: their access entry's {@code kubernetesGroups}, and the
     * subject of their RoleBindings. EKS refuses group names starting with {@code system:}; this one never does.
     */
    public static String developerGroup(String project) {
        return "bulkhead:" + sanitize(project) + ":developers";
    }

    /** A Kubernetes object name from parts joined with dashes, kept within 63 characters. */
    public static String kubernetes(String... parts) {
        return fit(sanitize(String.join("-", parts)), KUBERNETES_MAX);
    }

    /** A Pulumi logical name: parts joined with dashes; logical names have no length limit but must be unique. */
    public static String logical(String... parts) {
        return String.join("-", parts);
    }

    /**
     * Returns {@code name} if it fits in {@code max} characters, else a prefix of it plus {@code -} and a
     * six-character hash of the whole name.
     */
    public static String fit(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        String hash = sha256Hex(name).substring(0, HASH_CHARS);
        String head = name.substring(0, max - HASH_CHARS - 1);
        while (head.endsWith("-")) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "-" + hash;
    }

    /** Lower-case, with every character outside {@code [a-z0-9-]} turned into a dash. */
    static String sanitize(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
