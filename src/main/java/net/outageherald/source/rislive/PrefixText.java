package net.outageherald.source.rislive;

import net.outageherald.model.Prefix;

/**
 * Turns prefix strings from RIS Live into canonical {@link Prefix}es without regexes or
 * {@code InetAddress}, because the whole stream carries about 16,000 of them a second. Anything this
 * fast path does not recognise (spaces, IPv4-in-IPv6, odd spellings) goes to {@link Prefix#parse},
 * which gives the same result or says what is wrong, so both paths agree on every input.
 */
final class PrefixText {

    private PrefixText() {
    }

    /** The canonical prefix; throws {@link IllegalArgumentException} as {@link Prefix#parse} does. */
    static Prefix parse(String s) {
        int slash = s.indexOf('/');
        if (slash > 0 && s.indexOf(':') < 0) {
            Prefix v4 = ipv4(s, slash);
            if (v4 != null) {
                return v4;
            }
        } else if (slash > 0 && s.indexOf('.') < 0) {
            Prefix v6 = ipv6(s, slash);
            if (v6 != null) {
                return v6;
            }
        }
        return Prefix.parse(s);
    }

    /**
     * The address bits of a canonical prefix for {@link PrefixTrie}: IPv4 in the top 32 bits of
     * {@code out[0]}, IPv6 as {@code out[0]} (high) and {@code out[1]} (low).
     */
    static void bits(Prefix p, long[] out) {
        String s = p.cidr();
        int slash = s.indexOf('/');
        if (!p.ipv6()) {
            out[0] = (v4Address(s, slash) & 0xFFFFFFFFL) << 32;
            out[1] = 0;
            return;
        }
        int[] g = v6Groups(s, slash);
        if (g == null) { // cannot happen for a Prefix; parse it the slow way to say why
            throw new IllegalArgumentException("not a canonical prefix: " + s);
        }
        out[0] = ((long) g[0] << 48) | ((long) g[1] << 32) | ((long) g[2] << 16) | g[3];
        out[1] = ((long) g[4] << 48) | ((long) g[5] << 32) | ((long) g[6] << 16) | g[7];
    }

    private static Prefix ipv4(String s, int slash) {
        int len = length(s, slash, 32);
        long addr = v4Address(s, slash);
        if (len < 0 || addr < 0) {
            return null;
        }
        int mask = len == 0 ? 0 : -1 << (32 - len);
        int masked = (int) addr & mask;
        // nearly every prefix in the stream is already canonical: keep the string RIS Live gave us
        if (masked == (int) addr && canonicalOctets(s, slash)) {
            return new Prefix(s, false, len);
        }
        return new Prefix(((masked >>> 24) & 255) + "." + ((masked >>> 16) & 255) + "." + ((masked >>> 8) & 255)
                + "." + (masked & 255) + "/" + len, false, len);
    }

    /** The address as an unsigned int in a long, or -1 when it is not four decimal octets. */
    private static long v4Address(String s, int end) {
        long addr = 0;
        int octets = 0;
        int i = 0;
        while (i < end) {
            int start = i;
            int value = 0;
            while (i < end && i - start < 3) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                i++;
            }
            if (i == start || value > 255) {
                return -1;
            }
            addr = (addr << 8) | value;
            octets++;
            if (i == end) {
                break;
            }
            if (s.charAt(i) != '.' || octets == 4) {
                return -1;
            }
            i++;
            if (i == end) {
                return -1; // trailing dot
            }
        }
        return octets == 4 ? addr : -1;
    }

    private static boolean canonicalOctets(String s, int end) {
        for (int i = 0; i < end - 1; i++) {
            boolean startsOctet = i == 0 || s.charAt(i - 1) == '.';
            if (startsOctet && s.charAt(i) == '0' && s.charAt(i + 1) != '.') {
                return false; // a leading zero, as in 010.0.0.0/8
            }
        }
        return true;
    }

    /** The length after the slash, or -1 unless it is 1-3 plain digits within 0..max without a leading zero. */
    private static int length(String s, int slash, int max) {
        int n = s.length() - slash - 1;
        if (n < 1 || n > 3) {
            return -1;
        }
        int value = 0;
        for (int i = slash + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        if (value > max || (n > 1 && s.charAt(slash + 1) == '0')) {
            return -1;
        }
        return value;
    }

    private static Prefix ipv6(String s, int slash) {
        int len = length(s, slash, 128);
        int[] g = len < 0 ? null : v6Groups(s, slash);
        if (g == null) {
            return null;
        }
        for (int bit = len; bit < 128; bit++) {
            g[bit / 16] &= ~(0x8000 >>> (bit % 16));
        }
        String canonical = Prefix.v6Text(g) + s.substring(slash);
        // reuse the input when it already is canonical, which saves the copy for most of the stream
        return new Prefix(canonical.equals(s) ? s : canonical, true, len);
    }

    /** The eight 16-bit groups of an IPv6 address written in hex with at most one "::", or null. */
    private static int[] v6Groups(String s, int end) {
        int[] g = new int[8];
        int n = 0;
        int gap = -1; // index in g where "::" stands
        int i = 0;
        if (end >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            gap = 0;
            i = 2;
        } else if (end >= 1 && s.charAt(0) == ':') {
            return null;
        }
        while (i < end) {
            int start = i;
            int value = 0;
            while (i < end && i - start < 4) {
                int d = Character.digit(s.charAt(i), 16);
                if (d < 0) {
                    break;
                }
                value = (value << 4) | d;
                i++;
            }
            if (i == start || n == 8) {
                return null;
            }
            g[n++] = value;
            if (i == end) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < end && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = n;
                i++;
            } else if (i == end) {
                return null; // a trailing single colon
            }
        }
        if (gap < 0) {
            return n == 8 ? g : null;
        }
        if (n == 8) {
            return null; // "::" must stand for at least one group
        }
        int move = n - gap;
        System.arraycopy(g, gap, g, 8 - move, move);
        for (int k = gap; k < 8 - move; k++) {
            g[k] = 0;
        }
        return g;
    }

}
