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
        int prefix = parseDecimal(text.substring(slash + 1), 32, text);
        return new Ipv4Cidr(address(text.substring(0, slash)), prefix);
    }

    /** Parses a dotted-quad address into its 32 bits. */
    static int address(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
        }
        int bits = 0;
        for (String octet : octets) {
            bits = (bits << 8) | parseDecimal(octet, 255, text);
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

    private static int parseDecimal(String digits, int max, String whole) {
        boolean wellFormed = !digits.isEmpty() && digits.length() <= 3 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                && (digits.length() == 1 || digits.charAt(0) != '0');
        if (!wellFormed || Integer.parseInt(digits) > max) {
            throw new IllegalArgumentException("not an IPv4 address or CIDR: '" + whole + "'");
        }
        return Integer.parseInt(digits);
    }
}
