package net.outageherald.routing;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * A few AS numbers without boxing: a prefix has one or two origins and a handful of upstreams, and a
 * {@code HashSet<Long>} of them costs about 300 bytes where this costs under 60 (at 10,000 watched prefixes,
 * 4 MB of the routing table). Lookups scan, which beats hashing at these sizes. Not thread-safe: the
 * routing table guards it.
 */
final class LongSet {

    private static final long[] NONE = new long[0];

    private long[] values = NONE;
    private int size;

    /** @return whether it was not there yet */
    boolean add(long value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return false;
            }
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(2, size * 2));
        }
        values[size++] = value;
        return true;
    }

    void addAll(Collection<Long> more) {
        for (Long v : more) {
            add(v);
        }
    }

    /** Empties it, keeping its room: a look replaces the set with about as many. */
    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The values as an unmodifiable set, copied. */
    Set<Long> toSet() {
        Long[] boxed = new Long[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = values[i];
        }
        return Set.of(boxed);
    }
}
