package dev.bulkhead.config;

import dev.bulkhead.egress.NeverOutside;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 ranges that are not the internet, as rules that name destinations outside the cluster must know them:
 * the ranges a project can never reach ({@link NeverOutside}: private, shared and link-local space, where the
 * instance metadata service and the Pod Identity agent live) and the ranges nothing is reached at (this network,
 * loopback, multicast, reserved). Also the private ranges a VPC is built from.
 */
final class AddressRanges {

    /** Ranges that hold no internet destination. */
    static final List<Cidr> NOT_INTERNET = notInternet();

    /** RFC 1918: what a VPC's CIDR is carved from. */
    static final List<Cidr> PRIVATE = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"));

    /** The widest block a rule may name without saying it means (nearly) everything: 1/256 of IPv4. */
    static final int WIDEST_PREFIX = 8;

    private AddressRanges() {
    }

    /** The range of {@link #NOT_INTERNET} that holds all of {@code block}, if one does. */
    static Optional<Cidr> holding(Cidr block) {
        return NOT_INTERNET.stream().filter(r -> r.contains(block)).findFirst();
    }

    /** True when {@code block} lies inside one of {@code ranges}. */
    static boolean inside(Cidr block, List<Cidr> ranges) {
        return ranges.stream().anyMatch(r -> r.contains(block));
    }

    /** How many addresses the union of {@code blocks} holds. */
    static long addresses(List<Cidr> blocks) {
        List<Cidr> sorted = new ArrayList<>(blocks);
        sorted.sort((a, b) -> Long.compare(a.first(), b.first()));
        long total = 0;
        long covered = -1;
        for (Cidr c : sorted) {
            long from = Math.max(c.first(), covered + 1);
            if (c.last() >= from) {
                total += c.last() - from + 1;
                covered = c.last();
            }
        }
        return total;
    }

    private static List<Cidr> notInternet() {
        List<Cidr> out = new ArrayList<>();
        NeverOutside.PRIVATE_RANGES.forEach(r -> out.add(Cidr.parse(r)));
        for (String r : List.of("0.0.0.0/8", "127.0.0.0/8", "224.0.0.0/4", "240.0.0.0/4")) {
            out.add(Cidr.parse(r));
        }
        return List.copyOf(out);
    }
}
