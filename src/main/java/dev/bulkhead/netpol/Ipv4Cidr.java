package dev.bulkhead.netpol;

/**
 * An IPv4 block ({@code 10.0.0.0/8}) held as integers so that containment is two operations. Also the one place
 * that parses dotted-quad addresses, strictly: four decimal octets, no leading zeros.
 */
record Ipv4Cidr(int network, int prefixLength) {

    Ipv4Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        network &= mask(prefixLength);
    }

    /** Parses {@code a.b.c.d/n}; host bits are cleared. */
    static Ipv4Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not an IPv4 CIDR (a.b.c.d/n): '" + text + "'");
        }
        int prefix = parseDecimal(text, slash + 1, text.length(), 32, text);
        return new Ipv4Cidr(address(text.substring(0, slash)), prefix);
    }

    /** Parses a dotted-quad address into its 32 bits. */
    static int address(String text) {
        if (text.chars().filter(c -> c == '.').count() != 3) {
            throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
        }
        int bits = 0;
        int start = 0;
        for (int octet = 0; octet < 4; octet++) {
            int end = octet < 3 ? text.indexOf('.', start) : text.length();
            bits = (bits << 8) | parseDecimal(text, start, end, 255, text);
            start = end + 1;
        }
        return bits;
    }

    boolean contains(int address) {
        return (address & mask(prefixLength)) == network;
    }

    /** True when {@code other} lies inside this block and is smaller than it. */
    boolean strictlyContains(Ipv4Cidr other) {
        return other.prefixLength > prefixLength && contains(other.network);
    }

    @Override
    public String toString() {
        return (network >>> 24) + "." + ((network >>> 16) & 0xff) + "." + ((network >>> 8) & 0xff) + "."
                + (network & 0xff) + "/" + prefixLength;
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    /** The decimal number in {@code text} from {@code from} to {@code to}: one to three digits, no leading zero. */
    private static int parseDecimal(String text, int from, int to, int max, String whole) {
        int length = to - from;
        boolean wellFormed = length >= 1 && length <= 3 && (length == 1 || text.charAt(from) != '0');
        int value = 0;
        for (int i = from; wellFormed && i < to; i++) {
            char c = text.charAt(i);
            wellFormed = c >= '0' && c <= '9';
            value = value * 10 + (c - '0');
        }
        if (!wellFormed || value > max) {
            throw new IllegalArgumentException("not an IPv4 address or CIDR: '" + whole + "'");
        }
        return value;
    }
}
