package dev.bulkhead.config;

import dev.bulkhead.model.EgressRule;

import java.util.List;
import java.util.Optional;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads one entry of a project's {@code egress} allow-list: a DNS host (through the egress waypoint) or an IPv4
 * CIDR, always with a port. Opening all of IPv4 takes an explicit {@code allowAny: true}.
 */
final class EgressSection {

    static final List<String> KEYS = List.of("host", "cidr", "port", "tlsOrigination", "allowAny");
    /** Names that are never internet hosts, with where they resolve instead. */
    static final java.util.Map<String, String> SPECIAL_USE = specialUse();
    static final String CIDR_EXAMPLE = "116.203.255.68/32";

    private EgressSection() {
    }

    /** The rule, or {@code null} when it is invalid (the errors are recorded). */
    static EgressRule read(Checks checks, Node node, ProjectContext context) {
        ConfigReader reader = checks.reader();
        Fields f = reader.fields(node, KEYS);
        if (!f.present()) {
            return null;
        }
        Node host = f.node("host");
        Node cidr = f.node("cidr");
        if (host != null && cidr != null) {
            reader.error(node.path(), "has both host and cidr; an entry allows either a DNS host or an IPv4 CIDR, write two "
                    + "entries");
            return null;
        }
        if (host == null && cidr == null) {
            reader.error(node.path(), "needs exactly one of host (a DNS name such as api.stripe.com) or cidr (an IPv4 CIDR "
                    + "such as " + CIDR_EXAMPLE + ")");
            return null;
        }
        Node portNode = f.required("port", "a port from 1 to 65535");
        Integer port = portNode == null ? null : checks.port(portNode);
        if (host != null) {
            onlyWith(reader, f, "allowAny", "cidr");
            boolean tls = f.bool("tlsOrigination", false);
            String name = checks.dnsName(host, true);
            if (name != null && name.matches("[0-9]+(\\.[0-9]+){3}")) {
                reader.error(host.path(), quote(name) + " is an IP address, not a host name; write it as cidr: "
                        + name + "/32");
                return null;
            }
            if (name != null && (name.endsWith(".svc") || name.contains(".svc.") || name.endsWith(".cluster.local"))) {
                reader.error(host.path(), quote(name) + " is a name inside the cluster; egress entries are for "
                        + "destinations outside it (another project's service is reached through an export)");
                return null;
            }
            if (name != null && !name.startsWith("*.") && name.indexOf('.') < 0) {
                reader.error(host.path(), quote(name) + " has a single label, which resolves inside the cluster or "
                        + "the node (localhost, a Service of the namespace, the metadata service); egress entries "
                        + "name internet hosts in full, e.g. api.stripe.com");
                return null;
            }
            String special = name == null ? null : specialUse(name);
            if (special != null) {
                reader.error(host.path(), quote(name) + " is under " + quote(special) + ", which is not on the "
                        + "internet (" + SPECIAL_USE.get(special) + "); egress entries name internet hosts");
                return null;
            }
            if (name != null && name.startsWith("*.") && name.substring(2).indexOf('.') < 0) {
                reader.error(host.path(), quote(name) + " would admit every name under a top-level domain; a wildcard "
                        + "needs at least two labels after \"*.\", e.g. *.example.com");
                return null;
            }
            if (name != null && tls && name.startsWith("*.")) {
                reader.error(f.path("tlsOrigination"), "cannot originate TLS to the wildcard " + quote(name)
                        + ": the waypoint would not know which name to present; list the exact hosts, or let the "
                        + "workload speak TLS itself");
                return null;
            }
            return name == null || port == null ? null : new EgressRule.Host(name, port, tls);
        }
        onlyWith(reader, f, "tlsOrigination", "host");
        boolean allowAny = f.bool("allowAny", false);
        Cidr block = checks.cidr(cidr, CIDR_EXAMPLE);
        if (block == null || !allowed(reader, cidr, block, allowAny, f, context)) {
            return null;
        }
        return port == null ? null : new EgressRule.Cidr(block.toString(), port, allowAny);
    }

    private static boolean allowed(ConfigReader reader, Node node, Cidr block, boolean allowAny, Fields f,
                                   ProjectContext context) {
        if (block.isAny()) {
            if (!allowAny) {
                reader.error(node.path(), "\"0.0.0.0/0\" allows every IPv4 address; list the exact networks, or set "
                        + "allowAny: true on this entry to mean it");
            }
            return allowAny;
        }
        if (allowAny) {
            reader.error(f.path("allowAny"), "allowAny: true only applies to cidr 0.0.0.0/0, but this entry's cidr is "
                    + block + "; remove it");
            return false;
        }
        if (block.prefix() < AddressRanges.WIDEST_PREFIX) {
            reader.error(node.path(), quote(block.toString()) + " covers 1/" + (1L << block.prefix()) + " of all IPv4 "
                    + "addresses; list the exact networks, each at most a /" + AddressRanges.WIDEST_PREFIX
                    + ", or write 0.0.0.0/0 with allowAny: true to mean every address");
            return false;
        }
        Optional<Cidr> holder = AddressRanges.holding(block);
        if (holder.isPresent()) {
            reader.error(node.path(), quote(block.toString()) + " lies in " + holder.get() + ", which is not the "
                    + "internet (private, shared, link-local or reserved space: the instance metadata service and the "
                    + "Pod Identity agent live at link-local addresses); egress rules name internet destinations");
            return false;
        }
        boolean outsideVpc = outside(reader, node, block, context.vpc(), "the VPC", NetworkSection.KEY + ".cidr");
        boolean outsideServices = outside(reader, node, block, context.services(), "the Service range",
                ClusterSection.KEY + ".serviceCidr");
        return outsideVpc && outsideServices;
    }

    private static boolean outside(ConfigReader reader, Node node, Cidr block, Optional<Cidr> range, String what,
                                   String key) {
        if (range.isPresent() && block.overlaps(range.get())) {
            reader.error(node.path(), quote(block.toString()) + " overlaps " + what + " (" + key + " " + range.get()
                    + "); egress rules are for destinations outside the cluster and its VPC");
            return false;
        }
        return true;
    }

    private static void onlyWith(ConfigReader reader, Fields f, String key, String kind) {
        if (f.node(key) != null) {
            reader.error(f.path(key), key + " only applies to " + kind + " entries; remove it");
        }
    }

    /** The special-use suffix {@code name} ends with, if any. */
    private static String specialUse(String name) {
        String bare = name.startsWith("*.") ? name.substring(2) : name;
        for (String suffix : SPECIAL_USE.keySet()) {
            if (bare.equals(suffix) || bare.endsWith("." + suffix)) {
                return suffix;
            }
        }
        return null;
    }

    private static java.util.Map<String, String> specialUse() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("localhost", "the node or pod itself, RFC 6761");
        names.put("local", "multicast DNS on the local link, RFC 6762");
        names.put("internal", "private networks: AWS's instance names and metadata, e.g. instance-data.ec2.internal");
        names.put("localdomain", "the host's own domain");
        names.put("home.arpa", "home networks, RFC 8375");
        names.put("arpa", "reverse DNS and infrastructure");
        names.put("invalid", "reserved as never valid, RFC 6761");
        names.put("test", "reserved for testing, RFC 6761");
        names.put("onion", "Tor hidden services, RFC 7686");
        return java.util.Collections.unmodifiableMap(names);
    }
}
