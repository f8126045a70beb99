package net.outageherald.model;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * An IP prefix in canonical form ({@code 175.45.176.0/22}, {@code 2001:67c:2e8::/48}): host bits cleared,
 * IPv6 compressed, so two spellings of the same prefix compare equal.
 */
public record Prefix(String cidr, boolean ipv6, int length) implements Comparable<Prefix> {

    public Prefix {
        if (cidr == null || cidr.isBlank()) {
            throw new IllegalArgumentException("prefix is empty");
        }
    }

    /** Parses and normalises; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Prefix parse(String text) {
        String s = text == null ? "" : text.trim();
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + s + "' is not a prefix: expected address/length, e.g. 175.45.176.0/22");
        }
        String addr = s.substring(0, slash);
        String lenText = s.substring(slash + 1);
        boolean v6 = addr.contains(":");
        if (!v6 && !addr.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("'" + s + "' is not a prefix: bad IPv4 address '" + addr + "'");
        }
        if (v6 && !addr.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("'" + s + "' is not a prefix: bad IPv6 address '" + addr + "'");
        }
        int max = v6 ? 128 : 32;
        int len;
        try {
            len = Integer.parseInt(lenText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a prefix: length '" + lenText + "' is not a number");
        }
        if (len < 0 || len > max) {
            throw new IllegalArgumentException("'" + s + "' is not a prefix: length must be 0.." + max);
        }
        byte[] bytes;
        try {
            if (!v6) {
                for (String octet : addr.split("\\.")) {
                    if (Integer.parseInt(octet) > 255) {
                        throw new IllegalArgumentException("'" + s + "' is not a prefix: octet " + octet + " is over 255");
                    }
                }
            }
            // literal addresses only (validated above), so no DNS lookup happens here
            bytes = InetAddress.getByName(addr).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + s + "' is not a prefix: bad address '" + addr + "'");
        }
        if (bytes.length == 16 && !v6) {
            throw new IllegalArgumentException("'" + s + "' is not a prefix: bad address");
        }
        if (v6 && bytes.length == 4) { // ::ffff:a.b.c.d is turned into IPv4 by the JDK
            throw new IllegalArgumentException("'" + s + "' is not a prefix: IPv4-mapped IPv6 addresses are not routed prefixes");
        }
        for (int bit = len; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new Prefix(format(bytes) + "/" + len, v6, len);
    }

    private static String format(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 255) << 8) | (b[2 * i + 1] & 255);
        }
        return v6Text(g);
    }

    /**
     * An IPv6 address of eight 16-bit groups as RFC 5952 writes it: lower case, the first longest run of two
     * or more zero groups as "::". The one writer of IPv6 text, for parsers that read addresses faster.
     */
    public static String v6Text(int[] g) {
        // RFC 5952: compress the longest run (>= 2) of zero groups
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code other} lies within this prefix (the prefix itself included). */
    public boolean contains(Prefix other) {
        if (ipv6 != other.ipv6 || other.length < length) {
            return false;
        }
        byte[] a = address();
        byte[] b = other.address();
        for (int bit = 0; bit < length; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private byte[] address() {
        try {
            return InetAddress.getByName(cidr.substring(0, cidr.indexOf('/'))).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a canonical prefix that is not an address: " + cidr, e);
        }
    }

    /** Address space in /24s for IPv4 (a /22 weighs 4, a /25 0.5) and /48s for IPv6, as IODA counts. */
    public double weight() {
        int unit = ipv6 ? 48 : 24;
        return Math.pow(2, unit - length);
    }

    /** Number of addresses, for messages ("1,024 addresses"). */
    public BigInteger addresses() {
        return BigInteger.ONE.shiftLeft((ipv6 ? 128 : 32) - length);
    }

    @Override
    public int compareTo(Prefix o) {
        if (ipv6 != o.ipv6) {
            return ipv6 ? 1 : -1;
        }
        return cidr.compareTo(o.cidr);
    }

    @Override
    public String toString() {
        return cidr;
    }
}
