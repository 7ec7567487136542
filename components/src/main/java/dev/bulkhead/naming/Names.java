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
    /** The stack's part of a load balancer or target group name. */
    static final int ELB_STACK_MAX = 16;
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

    /**
     * A project's ALB name: at most 32 letters, digits and dashes, not starting or ending with a dash and not
     * starting with {@code internal-}, as AWS requires.
     */
    public static String alb(String stack, String project) {
        return elb(elbStack(stack) + "-" + sanitize(project));
    }

    /** A project's target group name, with the same rules as {@link #alb}. */
    public static String targetGroup(String stack, String project) {
        return elb(elbStack(stack) + "-" + sanitize(project) + "-gw");
    }

    /** What every target group name of a stack starts with (see {@link #targetGroup}). */
    public static String targetGroupPrefix(String stack) {
        return elbStack(stack) + "-";
    }

    /**
     * The stack's part of a load balancer name: never empty, never starting with a dash, never {@code internal} (AWS
     * refuses load balancer names starting {@code internal-}), and at most {@value #ELB_STACK_MAX} characters, so that
     * every name of the stack starts with it.
     */
    private static String elbStack(String stack) {
        String s = trimDashes(sanitize(stack));
        s = s.isEmpty() || s.equals("internal") || s.startsWith("internal-") ? "lb-" + s : s;
        // short enough that every name of the stack keeps it whole, however long the project's part
        return trimDashes(fit(s, ELB_STACK_MAX));
    }

    private static String elb(String name) {
        return trimDashes(fit(name, ELB_MAX));
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    /** The namespace that holds a project's ingress gateway. */
    public static String gatewayNamespace(String project) {
        return kubernetes(project + "-gateway");
    }

    /** The IAM role of a project's app, {@code bulkhead-<stack>-app-<project>-<app>}: one role per app identity. */
    public static String appRole(String stack, String project, String app) {
        return iamRole(stack, "app-" + sanitize(project) + "-" + sanitize(app));
    }

    /** A policy object of an app, {@code app-<app>[-<purpose>]}, within 63 characters. */
    public static String appPolicy(String app, String... purpose) {
        return purpose.length == 0 ? kubernetes("app", app) : kubernetes("app", app, String.join("-", purpose));
    }

    /** The logical name of a project's component: {@code project-<project>}. */
    public static String projectComponent(String project) {
        return logical("project", project);
    }

    /** The logical name of the compartment of {@code namespace} inside the component {@code owner}. */
    public static String compartment(String owner, String namespace) {
        return logical(owner, namespace);
    }

    /**
     * A Kubernetes name for an external host: {@code api.stripe.com} is {@code api-stripe-com}. A host with a dash or
     * a wildcard gets a hash of itself appended, because turning dots into dashes loses what was which: without it
     * {@code api-stripe.com} and {@code api.stripe.com}, or {@code *.example.com} and {@code wildcard.example.com},
     * would share a name.
     */
    public static String host(String host) {
        String readable = host.replace("*", "wildcard").replace('.', '-');
        boolean lossy = host.indexOf('-') >= 0 || host.indexOf('*') >= 0;
        return lossy ? kubernetes(readable, shortHash(host)) : kubernetes(readable);
    }

    /** The name of the HTTPRoute for {@code host} and {@code path}: named by what it routes, never by its position. */
    public static String route(String host, String path) {
        return hashed("route-" + host.replace("*", "wildcard").replace('.', '-'), host + " " + path, KUBERNETES_MAX);
    }

    /** {@code readable}, cut to leave room, then a dash and a short hash of {@code identity}; within {@code max}. */
    static String hashed(String readable, String identity, int max) {
        String head = sanitize(readable);
        int room = max - HASH_CHARS - 1;
        head = trimDashes(head.length() > room ? head.substring(0, room) : head);
        return head + "-" + shortHash(identity);
    }

    /** Six hexadecimal characters of the SHA-256 of {@code value}. */
    public static String shortHash(String value) {
        return sha256Hex(value).substring(0, HASH_CHARS);
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
