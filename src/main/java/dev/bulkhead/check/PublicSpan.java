package dev.bulkhead.check;

import dev.bulkhead.network.Ipv4Cidr;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much of the public IPv4 internet a NetworkPolicy's address blocks admit, all its {@code ipBlock} peers taken
 * together (each minus its {@code except} blocks). A policy is open to the internet when that is more than a /8,
 * however the blocks are cut: {@code 0.0.0.0/1} plus {@code 128.0.0.0/1} is as open as {@code 0.0.0.0/0}. Addresses
 * that are not public (private, shared, loopback, link-local, documentation, multicast, reserved) do not count.
 */
final class PublicSpan {

    /** A /8: 16,777,216 addresses. */
    static final long OPEN = 1L << 24;
    static final List<Ipv4Cidr> NOT_PUBLIC = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4").stream().map(Ipv4Cidr::parse).toList();

    private PublicSpan() {
    }

    /** The number of public addresses the policy's ipBlocks admit. */
    static long of(RenderedResource policy) {
        TreeMap<Long, Long> union = new TreeMap<>();
        for (var rule : PolicyContents.rules(policy)) {
            for (Map<String, Object> peer : PolicyContents.peers(rule)) {
                Map<String, Object> block = Plain.map(peer.get("ipBlock"));
                if (block.get("cidr") instanceof String cidr && !cidr.contains(":")) {
                    List<long[]> parts = List.of(range(Ipv4Cidr.parse(cidr)));
                    for (String except : Plain.strings(block.get("except"))) {
                        if (!except.contains(":")) {
                            parts = minus(parts, range(Ipv4Cidr.parse(except)));
                        }
                    }
                    parts.forEach(p -> add(union, p));
                }
            }
        }
        List<long[]> ranges = new ArrayList<>();
        union.forEach((start, end) -> ranges.add(new long[] {start, end}));
        for (Ipv4Cidr reserved : NOT_PUBLIC) {
            ranges.clear();
            union.forEach((start, end) -> ranges.add(new long[] {start, end}));
            union.clear();
            minus(ranges, range(reserved)).forEach(p -> add(union, p));
        }
        return union.entrySet().stream().mapToLong(e -> e.getValue() - e.getKey() + 1).sum();
    }

    private static long[] range(Ipv4Cidr cidr) {
        return new long[] {cidr.address(), cidr.last()};
    }

    private static List<long[]> minus(List<long[]> ranges, long[] cut) {
        List<long[]> out = new ArrayList<>();
        for (long[] r : ranges) {
            if (cut[1] < r[0] || cut[0] > r[1]) {
                out.add(r);
                continue;
            }
            if (r[0] < cut[0]) {
                out.add(new long[] {r[0], cut[0] - 1});
            }
            if (r[1] > cut[1]) {
                out.add(new long[] {cut[1] + 1, r[1]});
            }
        }
        return out;
    }

    /** Adds a range to a union of disjoint ranges (start to end), merging what overlaps or touches. */
    private static void add(TreeMap<Long, Long> union, long[] range) {
        long start = range[0];
        long end = range[1];
        var before = union.floorEntry(start);
        if (before != null && before.getValue() >= start - 1) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
            union.remove(before.getKey());
        }
        var next = union.ceilingEntry(start);
        while (next != null && next.getKey() <= end + 1) {
            end = Math.max(end, next.getValue());
            union.remove(next.getKey());
            next = union.ceilingEntry(start);
        }
        union.put(start, end);
    }
}
