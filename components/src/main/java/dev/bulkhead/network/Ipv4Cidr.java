package dev.bulkhead.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 CIDR block in canonical form (no host bits set), with the arithmetic subnet planning and validation
 * need: carving, containment and overlap. Pure, so plans can be checked in plain unit tests.
 *
 * @param address the network address as an unsigned 32-bit value
 * @param prefix  the prefix length, 0 to 32
 */
public record Ipv4Cidr(long address, int prefix) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length must be 0 to 32, got " + prefix);
        }
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        if ((address & hostMask(prefix)) != 0) {
            throw new IllegalArgumentException("host bits set in " + format(address) + "/" + prefix);
        }
    }

    /** Parses {@code a.b.c.d/n}; rejects anything else, including a block with host bits set. */
    public static Ipv4Cidr parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an IPv4 CIDR: " + text);
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 CIDR: " + text);
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            throw new IllegalArgumentException("not an IPv4 CIDR: " + text);
        }
        if ((address & hostMask(prefix)) != 0) {
            throw new IllegalArgumentException("not a canonical IPv4 CIDR (host bits set): " + text);
        }
        return new Ipv4Cidr(address, prefix);
    }

    /** Number of addresses in the block. */
    public long size() {
        return 1L << (32 - prefix);
    }

    /** The last address of the block. */
    public long last() {
        return address + size() - 1;
    }

    /** The {@code index}-th block of length {@code newPrefix} inside this one. */
    public Ipv4Cidr subnet(int newPrefix, int index) {
        if (newPrefix < prefix || newPrefix > 32) {
            throw new IllegalArgumentException("cannot carve a /" + newPrefix + " out of " + this);
        }
        long count = 1L << (newPrefix - prefix);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(this + " holds " + count + " blocks of /" + newPrefix
                    + ", not " + (index + 1));
        }
        return new Ipv4Cidr(address + index * (1L << (32 - newPrefix)), newPrefix);
    }

    public boolean contains(Ipv4Cidr other) {
        return other.address >= address && other.last() <= last();
    }

    public boolean overlaps(Ipv4Cidr other) {
        return address <= other.last() && other.address <= last();
    }

    @Override
    public String toString() {
        return format(address) + "/" + prefix;
    }

    private static long hostMask(int prefix) {
        return (1L << (32 - prefix)) - 1;
    }

    private static String format(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "."
                + (address & 0xFF);
    }
}
