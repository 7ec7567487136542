package dev.bulkhead.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 CIDR block such as {@code 10.40.0.0/16}: parsing, whether it is written as its network address, and
 * overlap between blocks (the VPC, the Service range and egress rules must not overlap).
 *
 * @param address the address as written, as an unsigned 32-bit number
 * @param prefix  the prefix length, 0 to 32
 */
public record Cidr(long address, int prefix) {

    private static final Pattern SYNTAX = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");
    private static final long ALL_BITS = 0xFFFF_FFFFL;

    public Cidr {
        if (address < 0 || address > ALL_BITS || prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("not an IPv4 CIDR: " + address + "/" + prefix);
        }
    }

    /**
     * Parses {@code a.b.c.d/n}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static Cidr parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(text.contains("/")
                    ? "expected four dot-separated numbers, a slash and a prefix length"
                    : "the /prefix length is missing");
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            String octet = m.group(i);
            int value = Integer.parseInt(octet);
            if (value > 255 || octet.length() > 1 && octet.startsWith("0")) {
                throw new IllegalArgumentException("octet " + octet + " is not a number from 0 to 255 without leading zeros");
            }
            address = address << 8 | value;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32 || m.group(5).length() > 1 && m.group(5).startsWith("0")) {
            throw new IllegalArgumentException("the prefix length must be 0 to 32");
        }
        return new Cidr(address, prefix);
    }

    /** The block if {@code text} is a valid CIDR written as its network address. */
    public static Optional<Cidr> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Cidr cidr = parse(text);
            return cidr.isNetworkAddress() ? Optional.of(cidr) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public long mask() {
        return prefix == 0 ? 0 : ALL_BITS << (32 - prefix) & ALL_BITS;
    }

    /** True when no host bit is set: {@code 10.40.0.0/16}, not {@code 10.40.0.1/16}. */
    public boolean isNetworkAddress() {
        return (address & ~mask() & ALL_BITS) == 0;
    }

    /** This block written as its network address. */
    public Cidr network() {
        return new Cidr(address & mask(), prefix);
    }

    public long first() {
        return address & mask();
    }

    public long last() {
        return first() | ~mask() & ALL_BITS;
    }

    public boolean overlaps(Cidr other) {
        return first() <= other.last() && other.first() <= last();
    }

    public boolean contains(Cidr other) {
        return prefix <= other.prefix && first() <= other.first() && other.last() <= last();
    }

    /** {@code 0.0.0.0/0}: every IPv4 address. */
    public boolean isAny() {
        return prefix == 0;
    }

    @Override
    public String toString() {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255)
                + "/" + prefix;
    }
}
