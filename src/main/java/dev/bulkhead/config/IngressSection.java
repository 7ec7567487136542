package dev.bulkhead.config;

import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.IngressSpec;
import dev.bulkhead.model.RouteSpec;
import dev.bulkhead.model.ServiceRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.bulkhead.config.ConfigReader.quote;

/** Reads a project's {@code ingress}: its ALB's certificate, TLS policy, optional WAF and its routes. */
final class IngressSection {

    static final List<String> KEYS = List.of("certificateArn", "tlsPolicy", "webAclArn", "routes");
    static final List<String> ROUTE_KEYS = List.of("host", "path", "service", "app", "port");
    static final String DEFAULT_PATH = "/";
    /** An absolute URL path without whitespace. */
    static final Pattern PATH = Pattern.compile("^/\\S*$");

    private IngressSection() {
    }

    /**
     * @param namespaces the project's namespaces, or {@code null} to skip the check that routes stay inside them
     * @param hostsOut   receives each valid route host once, with its path
     * @param apps       the project's valid apps by name, which routes may name
     */
    static IngressSpec read(Checks checks, Fields f, String region, List<String> namespaces, List<Node> hostsOut,
                            Map<String, AppSpec> apps) {
        ConfigReader reader = checks.reader();
        String certificate = regionalArn(reader, f.required("certificateArn",
                "an ACM certificate ARN in the stack's region, arn:aws:acm:<region>:<account>:certificate/<uuid>"),
                Arns.ACM_CERTIFICATE, "an ACM certificate ARN: arn:aws:acm:<region>:<12-digit account>:certificate/<uuid>",
                "ACM certificate", region);
        Node policyNode = f.node("tlsPolicy");
        String policy = policyNode == null ? TlsPolicies.DEFAULT : tlsPolicy(reader, policyNode);
        Node aclNode = f.node("webAclArn");
        Optional<String> webAcl = Optional.ofNullable(regionalArn(reader, aclNode, Arns.WAF_REGIONAL_WEB_ACL,
                "a regional WAFv2 web ACL ARN: arn:aws:wafv2:<region>:<12-digit account>:regional/webacl/<name>/<id>",
                "WAF web ACL", region));

        List<RouteSpec> routes = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        Map<String, String> routed = new HashMap<>();
        for (Node node : f.list("routes", true, "routes (host, path, service, port)")) {
            Fields r = reader.fields(node, ROUTE_KEYS);
            Node hostNode = r.required("host", "a DNS name such as shop.example.com");
            String host = hostNode == null ? null : checks.dnsName(hostNode, true);
            String path = r.string("path", DEFAULT_PATH);
            if (!PATH.matcher(path).matches()) {
                reader.error(r.path("path"), quote(path) + " is not a URL path; it must start with \"/\" and contain no "
                        + "spaces, e.g. / or /api");
            }
            AppReferences.Target target = AppReferences.read(checks, r, namespaces, apps);
            ServiceRef service = target.service();
            Integer port = target.port();
            if (host != null) {
                if (hosts.add(host)) {
                    hostsOut.add(new Node(hostNode.path(), host));
                }
                String first = routed.putIfAbsent(host + " " + path, node.path());
                if (first != null) {
                    reader.error(node.path(), quote(host + path) + " is already routed by " + first
                            + "; each host and path goes to one service");
                }
            }
            if (r.present()) {
                routes.add(new RouteSpec(host, path, service, port == null ? 0 : port));
            }
        }
        return new IngressSpec(certificate, policy, webAcl, routes);
    }

    private static String tlsPolicy(ConfigReader reader, Node node) {
        String policy = reader.string(node);
        if (policy != null && !TlsPolicies.ALLOWED.contains(policy)) {
            reader.error(node.path(), quote(policy) + " is not allowed: only TLS 1.3 policies (with at most a TLS 1.2 "
                    + "fallback) are; use one of " + TlsPolicies.ALLOWED);
            return TlsPolicies.DEFAULT;
        }
        return policy == null ? TlsPolicies.DEFAULT : policy;
    }

    /** An ARN matching {@code pattern} whose partition (group 1) and region (group 2) must be the stack's. */
    private static String regionalArn(ConfigReader reader, Node node, Pattern pattern, String expected, String what,
                                      String region) {
        String arn = node == null ? null : reader.string(node);
        if (arn == null) {
            return null;
        }
        Matcher m = pattern.matcher(arn);
        if (!m.matches()) {
            reader.error(node.path(), quote(arn) + " is not " + expected);
            return null;
        }
        if (region != null && !m.group(2).equals(region)) {
            reader.error(node.path(), quote(arn) + " is in region " + m.group(2) + " but aws:region is " + region
                    + "; an ALB can only use a " + what + " from its own region");
            return null;
        }
        if (region != null && !m.group(1).equals(AwsRegions.partition(region))) {
            reader.error(node.path(), quote(arn) + " is in the partition " + m.group(1) + " but aws:region " + region
                    + " is in " + AwsRegions.partition(region) + "; write arn:" + AwsRegions.partition(region) + ":...");
            return null;
        }
        return arn;
    }
}
