package net.outageherald.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import net.outageherald.model.Prefix;
import net.outageherald.model.Target;
import net.outageherald.routing.PeerIds;
import net.outageherald.source.rislive.CaptureReader;
import net.outageherald.source.rislive.RisMessage;
import net.outageherald.source.rislive.RouteUpdate;

/**
 * What a replay learns from a first pass over its capture: which AS originates each prefix (so that
 * {@code --watch AS13335} needs no RIPEstat), the time span, and the routes each peer must have carried at
 * the start: a peer whose first word on a prefix is a withdrawal had a route to it before the capture.
 *
 * <p>A capture of a big event holds millions of (peer, prefix) pairs, so each is one {@code long}: the peer's
 * number ({@link PeerIds}, which also takes {@code RRC00} and {@code rrc00}, or two spellings of one IPv6
 * address, as one peer) in the high half, the prefix's number in the low half, in an open-addressing set.
 */
final class CaptureIndex {

    /** A route held at the start of the capture. */
    record Held(String collector, String peer, Prefix prefix) {
    }

    final Map<Prefix, Set<Long>> origins = new HashMap<>();
    Instant first;
    Instant last;
    long messages;
    long withdrawals;

    private final PeerIds peerIds = new PeerIds();
    /** Each peer's collector and address as first written, by its number. */
    private final List<String[]> peerNames = new ArrayList<>();
    private final Map<Prefix, Integer> prefixIds = new HashMap<>();
    private final List<Prefix> prefixes = new ArrayList<>();
    private final LongSet spoken = new LongSet();
    private long[] held = new long[64];
    private int heldCount;

    static CaptureIndex of(Path capture) throws IOException {
        CaptureIndex index = new CaptureIndex();
        try (CaptureReader reader = CaptureReader.open(capture)) {
            for (RisMessage m; (m = reader.read()) != null; ) {
                index.messages++;
                index.first = index.first == null ? m.timestamp() : index.first;
                index.last = m.timestamp();
                if (m instanceof RouteUpdate u) {
                    index.update(u);
                }
            }
        }
        return index;
    }

    private void update(RouteUpdate u) {
        withdrawals += u.withdrawn().size();
        if (u.withdrawn().isEmpty() && u.announced().isEmpty()) {
            return;
        }
        long peer = (long) peer(u.collector(), u.peer()) << 32;
        for (Prefix p : u.withdrawn()) {
            long key = peer | prefix(p);
            if (spoken.add(key)) {
                if (heldCount == held.length) {
                    held = Arrays.copyOf(held, held.length * 2);
                }
                held[heldCount++] = key;
            }
        }
        for (Prefix p : u.announced()) {
            spoken.add(peer | prefix(p));
            if (u.originAsn() != RouteUpdate.NO_ASN) {
                origins.computeIfAbsent(p, k -> new HashSet<>(2)).add(u.originAsn());
            }
        }
    }

    private int peer(String collector, String address) {
        int id = peerIds.id(collector, address);
        if (id == peerNames.size()) {
            peerNames.add(new String[] {collector, address});
        }
        return id;
    }

    private long prefix(Prefix p) {
        Integer id = prefixIds.get(p);
        if (id == null) {
            id = prefixes.size();
            prefixes.add(p);
            prefixIds.put(p, id);
        }
        return id & 0xFFFFFFFFL;
    }

    /** Every route held at the start, in the order the capture revealed them. */
    void forEachHeld(Consumer<Held> action) {
        for (int i = 0; i < heldCount; i++) {
            String[] peer = peerNames.get((int) (held[i] >>> 32));
            action.accept(new Held(peer[0], peer[1], prefixes.get((int) held[i])));
        }
    }

    /** How many routes were held at the start. */
    int heldCount() {
        return heldCount;
    }

    /** The capture's prefixes a target stands for: an AS's originated ones, a prefix and its more-specifics. */
    List<Prefix> prefixesOf(Target target) {
        Set<Prefix> out = new TreeSet<>();
        Set<Prefix> known = new HashSet<>(origins.keySet());
        for (int i = 0; i < heldCount; i++) {
            known.add(prefixes.get((int) held[i]));
        }
        for (Prefix p : known) {
            if (target instanceof Target.As as && origins.getOrDefault(p, Set.of()).contains(as.asn())) {
                out.add(p);
            } else if (target instanceof Target.Net net && net.prefix().contains(p)) {
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }

    /** A set of longs without boxing: open addressing, linear probing; -1 marks a free slot (no key is -1). */
    private static final class LongSet {
        private long[] slots = filled(1 << 12);
        private int size;

        boolean add(long key) {
            if (size * 2 >= slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == key) {
                    return false;
                }
                if (slots[i] == -1) {
                    slots[i] = key;
                    size++;
                    return true;
                }
            }
        }

        private void grow() {
            long[] old = slots;
            slots = filled(old.length * 2);
            size = 0;
            for (long k : old) {
                if (k != -1) {
                    add(k);
                }
            }
        }

        private static long[] filled(int n) {
            long[] a = new long[n];
            Arrays.fill(a, -1);
            return a;
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
