package net.outageherald.source.rislive;

import java.util.Arrays;
import java.util.Collection;
import net.outageherald.model.Prefix;

/**
 * A set of prefixes that answers "is this prefix one of them or inside one of them?" in one walk of at most
 * its length in bits, without allocating: it runs for every prefix of the stream when we filter locally.
 * Nodes live in int arrays (a binary trie), so 10,000 prefixes take a few megabytes at most. Built once and
 * then only read, so it can be shared between threads once published (through a volatile field or a lock).
 */
final class PrefixTrie {

    private static final int V4_ROOT = 0;
    private static final int V6_ROOT = 1;

    private int[] zero = new int[64];
    private int[] one = new int[64];
    private boolean[] terminal = new boolean[64];
    private int nodes = 2;
    private int size;

    PrefixTrie(Collection<Prefix> prefixes) {
        long[] bits = new long[2];
        for (Prefix p : prefixes) {
            add(p, bits);
        }
    }

    /** Whether {@code p} equals or lies inside one of the prefixes. */
    boolean covers(Prefix p) {
        long[] bits = new long[2]; // does not escape: the JIT keeps it off the heap
        PrefixText.bits(p, bits);
        int node = p.ipv6() ? V6_ROOT : V4_ROOT;
        for (int bit = 0; ; bit++) {
            if (terminal[node]) {
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

    /** How many different prefixes it holds. */
    int size() {
        return size;
    }

    /** Adds {@code p}; only while building, before the trie is shared. */
    void add(Prefix p) {
        add(p, new long[2]);
    }

    private void add(Prefix p, long[] bits) {
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
        if (!terminal[node]) {
            terminal[node] = true;
            size++;
        }
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
