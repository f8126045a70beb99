package net.outageherald.source.rislive;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import net.outageherald.model.Prefix;

/**
 * A set of prefixes that answers "is this prefix one of them or inside one of them?" in one walk of at most
 * its length in bits, without allocating: it runs for every prefix of the stream when we filter locally.
 * Nodes live in int arrays (a binary trie), trimmed to size once built: 10,000 prefixes take about a megabyte.
 * Besides its members it can hold prefixes that are only <em>read</em> ({@link #surelyOutside} is false for
 * them, {@link #covers} ignores them), so that the parser's set (ours and the beacons) and the filter (ours)
 * are one trie. Built once and then only read, so it can be shared between threads once published (through a
 * volatile field or a lock).
 */
final class PrefixTrie {

    private static final int V4_ROOT = 0;
    private static final int V6_ROOT = 1;

    private int[] zero = new int[64];
    private int[] one = new int[64];
    /** Per node, {@link #MEMBER} and {@link #READ}, or 0 where no prefix of the set ends. */
    private byte[] terminal = new byte[64];
    private int nodes = 2;
    private int size;

    private static final byte MEMBER = 1;
    private static final byte READ = 2;

    PrefixTrie(Collection<Prefix> prefixes) {
        this(prefixes, List.of());
    }

    /**
     * @param prefixes the members
     * @param alsoRead prefixes that {@link #surelyOutside} must not rule out although they are not members
     */
    PrefixTrie(Collection<Prefix> prefixes, Collection<Prefix> alsoRead) {
        long[] bits = new long[2];
        for (Prefix p : prefixes) {
            add(p, bits, MEMBER);
        }
        for (Prefix p : alsoRead) {
            add(p, bits, READ);
        }
        // growing doubles the arrays: give the slack back, since most tries are never added to again
        zero = Arrays.copyOf(zero, nodes);
        one = Arrays.copyOf(one, nodes);
        terminal = Arrays.copyOf(terminal, nodes);
    }

    /** Whether {@code p} equals or lies inside one of the prefixes. */
    boolean covers(Prefix p) {
        long[] bits = new long[2]; // does not escape: the JIT keeps it off the heap
        PrefixText.bits(p, bits);
        int node = p.ipv6() ? V6_ROOT : V4_ROOT;
        for (int bit = 0; ; bit++) {
            if ((terminal[node] & MEMBER) != 0) {
                return true;
            }
            if (bit == p.length()) {
                return false;
            }
            node = bit(bits, bit) ? one[node] : zero[node];
            if (node == 0) {
                return false;
            }
        }
    }

    /**
     * Whether the prefix written in {@code text[offset, offset + length)} is certainly neither one of them nor
     * inside one, read straight from the characters (the JSON parser's buffer) without making a string: the
     * unfiltered stream carries ~16,000 prefixes a second and nearly all of them are not ours. Anything this
     * does not read as a plain IPv4 or IPv6 prefix gives false, so that the caller reads it the careful way.
     */
    boolean surelyOutside(char[] text, int offset, int length) {
        int end = offset + length;
        int slash = -1;
        boolean colon = false;
        for (int i = offset; i < end; i++) {
            char c = text[i];
            if (c == '/') {
                slash = i;
                break;
            }
            if (c == ':') {
                colon = true;
            }
        }
        if (slash <= offset) {
            return false;
        }
        int len = 0;
        int digits = end - slash - 1;
        if (digits < 1 || digits > 3) {
            return false;
        }
        for (int i = slash + 1; i < end; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return false;
            }
            len = len * 10 + (c - '0');
        }
        long hi;
        long lo = 0;
        if (!colon) {
            long v4 = v4(text, offset, slash);
            if (v4 < 0 || len > 32) {
                return false;
            }
            hi = v4 << 32;
        } else {
            long[] bits = new long[2]; // does not escape: the JIT keeps it off the heap
            if (len > 128 || !v6(text, offset, slash, bits)) {
                return false;
            }
            hi = bits[0];
            lo = bits[1];
        }
        int node = colon ? V6_ROOT : V4_ROOT;
        for (int bit = 0; ; bit++) {
            if (terminal[node] != 0) {
                return false;
            }
            if (bit == len) {
                return true;
            }
            boolean set = bit < 64 ? (hi >>> (63 - bit) & 1) != 0 : (lo >>> (127 - bit) & 1) != 0;
            node = set ? one[node] : zero[node];
            if (node == 0) {
                return true;
            }
        }
    }

    /** Four decimal octets as an unsigned int, or -1. */
    private static long v4(char[] s, int from, int end) {
        long addr = 0;
        int octets = 0;
        int i = from;
        while (i < end) {
            int start = i;
            int value = 0;
            while (i < end && i - start < 3 && s[i] >= '0' && s[i] <= '9') {
                value = value * 10 + (s[i] - '0');
                i++;
            }
            if (i == start || value > 255 || octets == 4) {
                return -1;
            }
            addr = (addr << 8) | value;
            octets++;
            if (i == end) {
                break;
            }
            if (s[i] != '.') {
                return -1;
            }
            i++;
            if (i == end) {
                return -1;
            }
        }
        return octets == 4 ? addr : -1;
    }

    /** Eight hex groups with at most one "::" into {@code out} (high, low); false if it is not that. */
    private static boolean v6(char[] s, int from, int end, long[] out) {
        int[] g = new int[8];
        int n = 0;
        int gap = -1;
        int i = from;
        if (end - from >= 2 && s[from] == ':' && s[from + 1] == ':') {
            gap = 0;
            i += 2;
        } else if (end > from && s[from] == ':') {
            return false;
        }
        while (i < end) {
            int start = i;
            int value = 0;
            while (i < end && i - start < 4) {
                int d = Character.digit(s[i], 16);
                if (d < 0) {
                    break;
                }
                value = (value << 4) | d;
                i++;
            }
            if (i == start || n == 8) {
                return false;
            }
            g[n++] = value;
            if (i == end) {
                break;
            }
            if (s[i] != ':') {
                return false;
            }
            i++;
            if (i < end && s[i] == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = n;
                i++;
            } else if (i == end) {
                return false;
            }
        }
        if (gap < 0 ? n != 8 : n == 8) {
            return false;
        }
        if (gap >= 0) {
            int move = n - gap;
            System.arraycopy(g, gap, g, 8 - move, move);
            for (int k = gap; k < 8 - move; k++) {
                g[k] = 0;
            }
        }
        out[0] = ((long) g[0] << 48) | ((long) g[1] << 32) | ((long) g[2] << 16) | g[3];
        out[1] = ((long) g[4] << 48) | ((long) g[5] << 32) | ((long) g[6] << 16) | g[7];
        return true;
    }

    /** How many different member prefixes it holds. */
    int size() {
        return size;
    }

    /** Adds {@code p}; only while building, before the trie is shared. */
    void add(Prefix p) {
        add(p, new long[2], MEMBER);
    }

    private void add(Prefix p, long[] bits, byte kind) {
        PrefixText.bits(p, bits);
        int node = p.ipv6() ? V6_ROOT : V4_ROOT;
        for (int bit = 0; bit < p.length(); bit++) {
            boolean set = bit(bits, bit);
            int child = set ? one[node] : zero[node];
            if (child == 0) {
                child = newNode(); // may grow the arrays, so index them only afterwards
                if (set) {
                    one[node] = child;
                } else {
                    zero[node] = child;
                }
            }
            node = child;
        }
        if (kind == MEMBER && (terminal[node] & MEMBER) == 0) {
            size++;
        }
        terminal[node] |= kind;
    }

    private int newNode() {
        if (nodes == zero.length) {
            zero = Arrays.copyOf(zero, nodes * 2);
            one = Arrays.copyOf(one, nodes * 2);
            terminal = Arrays.copyOf(terminal, nodes * 2);
        }
        return nodes++;
    }

    private static boolean bit(long[] bits, int i) {
        return i < 64 ? (bits[0] >>> (63 - i) & 1) != 0 : (bits[1] >>> (127 - i) & 1) != 0;
    }
}
