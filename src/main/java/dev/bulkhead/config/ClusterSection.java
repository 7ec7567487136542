package dev.bulkhead.config;

import dev.bulkhead.cluster.AddonVersions;
import dev.bulkhead.model.ClusterSpec;
import dev.bulkhead.model.NodeGroupSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.bulkhead.config.ConfigReader.quote;

/** Reads {@code bulkhead:cluster}: the EKS control plane, its endpoint exposure and its node groups. */
final class ClusterSection {

    static final String KEY = "bulkhead:cluster";
    static final List<String> KEYS = List.of(
            "kubernetesVersion", "publicAccessCidrs", "apiClientCidrs", "serviceCidr", "logRetentionDays", "bastion",
            "nodeGroups");

    static final String DEFAULT_SERVICE_CIDR = "172.20.0.0/16";
    /** EKS takes the Service range from the private ranges only, sized /12 to /24. */
    static final List<Cidr> SERVICE_CIDR_RANGES = List.of(
            Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"));
    static final int SERVICE_CIDR_MIN_PREFIX = 12;
    static final int SERVICE_CIDR_MAX_PREFIX = 24;
    /** No endpoint allow-list entry may be broader than this prefix. */
    static final int NARROWEST_ALLOWED_PREFIX = 8;
    /** API clients inside the network (VPN, runners) come from private or shared address space. */
    static final List<Cidr> API_CLIENT_RANGES = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("100.64.0.0/10"));

    private ClusterSection() {
    }

    static ClusterSpec read(Checks checks, Fields root, Optional<Cidr> vpc, boolean production) {
        Fields f = root.fields(KEY, KEYS, true);
        String version = kubernetesVersion(checks.reader(), f);
        List<String> publicAccess = new ArrayList<>();
        for (Node node : f.list("publicAccessCidrs", false, "IPv4 CIDRs")) {
            Cidr cidr = publicAccessCidr(checks, node);
            if (cidr != null) {
                publicAccess.add(cidr.toString());
            }
        }
        List<String> apiClients = new ArrayList<>();
        for (Node node : f.list("apiClientCidrs", false, "private IPv4 CIDRs")) {
            Cidr cidr = apiClientCidr(checks, node);
            if (cidr != null) {
                apiClients.add(cidr.toString());
            }
        }
        String serviceCidr = serviceCidr(checks, f, vpc);
        int retention = f.integer("logRetentionDays", CloudWatchRetention.DEFAULT_DAYS);
        CloudWatchRetention.check(checks.reader(), f.node("logRetentionDays"), retention);
        boolean bastion = f.bool("bastion", false);

        List<NodeGroupSpec> groups = new ArrayList<>();
        Map<String, String> namePaths = new HashMap<>();
        for (Node node : f.list("nodeGroups", true, "node groups (name, instanceTypes, sizes)")) {
            NodeGroupSpec group = NodeGroupSection.read(checks, node);
            if (group.name() != null) {
                String first = namePaths.putIfAbsent(group.name(), node.path());
                if (first != null) {
                    checks.reader().error(node.path() + ".name", quote(group.name()) + " is already the name of " + first
                            + "; node group names must be unique");
                }
            }
            groups.add(group);
        }
        return new ClusterSpec(version, publicAccess, serviceCidr, groups, retention, bastion, production, apiClients);
    }

    private static String kubernetesVersion(ConfigReader reader, Fields f) {
        Node node = f.required("kubernetesVersion", "a quoted version string such as \"1.31\"");
        if (node == null) {
            return null;
        }
        if (node.value() instanceof Number n) {
            String text = ConfigReader.format(n);
            reader.error(node.path(), "expected a string, got number " + text + ": YAML reads an unquoted version as a "
                    + "number (1.30 becomes 1.3); quote it: kubernetesVersion: \"" + text + "\"");
            return null;
        }
        String version = reader.string(node);
        if (version != null && !Formats.KUBERNETES_VERSION.matcher(version).matches()) {
            reader.error(node.path(), quote(version) + " is not a supported EKS version; use \"1.30\" to \"1.39\" "
                    + "(pattern " + Formats.KUBERNETES_VERSION.pattern() + ")");
            return null;
        }
        if (version != null && !AddonVersions.BY_KUBERNETES_VERSION.containsKey(version)) {
            reader.error(node.path(), quote(version) + " has no pinned EKS add-on versions in this release of Bulkhead; "
                    + "use one of " + new java.util.TreeSet<>(AddonVersions.BY_KUBERNETES_VERSION.keySet())
                    + " (add-ons must match the control plane, see docs/cluster.md)");
            return null;
        }
        return version;
    }

    private static Cidr publicAccessCidr(Checks checks, Node node) {
        Object value = node.value();
        String instead = "list the exact IPv4 networks that must reach it from outside the VPC, e.g. 203.0.113.0/24, "
                + "or use the bastion";
        if (value instanceof String s && s.contains(":")) {
            checks.reader().error(node.path(), quote(s) + " is IPv6, which this allow-list does not take; the API endpoint "
                    + "is private: " + instead);
            return null;
        }
        Cidr cidr = checks.cidr(node, "203.0.113.0/24");
        if (cidr != null && cidr.isAny()) {
            checks.reader().error(node.path(), quote(cidr.toString()) + " would open the private API endpoint to the whole "
                    + "internet; " + instead);
            return null;
        }
        if (cidr != null && cidr.prefix() < NARROWEST_ALLOWED_PREFIX) {
            checks.reader().error(node.path(), quote(cidr.toString()) + " is broader than a /" + NARROWEST_ALLOWED_PREFIX
                    + " and would open the API endpoint to a large part of the internet; " + instead);
            return null;
        }
        return cidr;
    }

    private static Cidr apiClientCidr(Checks checks, Node node) {
        Cidr cidr = checks.cidr(node, "10.8.0.0/16");
        if (cidr == null) {
            return null;
        }
        boolean inPrivateRange = API_CLIENT_RANGES.stream().anyMatch(r -> r.contains(cidr));
        if (!inPrivateRange || cidr.prefix() < NARROWEST_ALLOWED_PREFIX) {
            checks.reader().error(node.path(), quote(cidr.toString()) + " is not a private network; the private endpoint "
                    + "admits only networks routed to the VPC (a VPN, a runner's subnet) inside one of "
                    + API_CLIENT_RANGES + ", e.g. 10.8.0.0/16; use publicAccessCidrs for addresses on the internet");
            return null;
        }
        return cidr;
    }

    private static String serviceCidr(Checks checks, Fields f, Optional<Cidr> vpc) {
        Node node = f.node("serviceCidr");
        if (node == null) {
            return DEFAULT_SERVICE_CIDR;
        }
        Cidr cidr = checks.cidr(node, DEFAULT_SERVICE_CIDR);
        if (cidr == null) {
            return DEFAULT_SERVICE_CIDR;
        }
        ConfigReader reader = checks.reader();
        boolean inPrivateRange = SERVICE_CIDR_RANGES.stream().anyMatch(r -> r.contains(cidr));
        if (!inPrivateRange || cidr.prefix() < SERVICE_CIDR_MIN_PREFIX || cidr.prefix() > SERVICE_CIDR_MAX_PREFIX) {
            reader.error(node.path(), quote(cidr.toString()) + " cannot be an EKS Service range; use a /"
                    + SERVICE_CIDR_MIN_PREFIX + " to /" + SERVICE_CIDR_MAX_PREFIX + " inside one of "
                    + SERVICE_CIDR_RANGES + ", e.g. " + DEFAULT_SERVICE_CIDR);
        } else if (vpc.isPresent() && cidr.overlaps(vpc.get())) {
            reader.error(node.path(), quote(cidr.toString()) + " overlaps the VPC " + NetworkSection.KEY + ".cidr "
                    + vpc.get() + "; Service IPs must lie outside the VPC, e.g. " + DEFAULT_SERVICE_CIDR);
        }
        return cidr.toString();
    }
}
