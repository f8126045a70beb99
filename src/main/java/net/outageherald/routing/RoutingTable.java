package net.outageherald.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.outageherald.model.Prefix;
import net.outageherald.source.PrefixObservation;

/**
 * For each watched prefix, the RIS peers that carry a route to exactly it. The looking glass seeds an
 * entry and reconciles it now and then; the stream's announcements and withdrawals move it in between.
 * A peer whose BGP session with RIS went down is taken out of the picture of every prefix it carried and
 * out of their baselines ({@link PrefixObservation#absentPeers()}): its routes vanished without
 * withdrawals, and that is RIS's trouble, not the network's. Thread-safe; each call is short.
 */
public final class RoutingTable {

    private final PeerIds peers = new PeerIds();
    private final Map<Prefix, Entry> entries = new HashMap<>();
    private final BitSet downPeers = new BitSet();
    private final Set<Prefix> changed = new LinkedHashSet<>();
    private final Set<Prefix> withdrawnLately = new LinkedHashSet<>();

    /** What is known of one prefix. */
    private static final class Entry {
        final BitSet present = new BitSet();
        final BitSet absent = new BitSet();
        final LongSet origins = new LongSet();
        final LongSet upstreams = new LongSet();
        Instant seededAt;
        Instant streamChangedAt;
        /** When, on our clock, a word of the stream last moved the picture (null: not since the last look). */
        Instant movedAt;
        /** Set after a gap in the stream: the picture is as of then until the prefix is looked at again. */
        Instant staleSince;
        /** When the stream came back after that gap (null while it is still away): a look must be this new. */
        Instant coverAfter;
        /** While stale with the stream back: the peers whose last word since then was an announcement. */
        BitSet movedIn;
        /** Likewise, a withdrawal. The stream is whole again since coverAfter, so these outrank any look. */
        BitSet movedOut;
        /** When a look was last refused because it was older than the gap; null if none was since the gap. */
        Instant refusedAt;
        /** Peers the stream moved since the last look that replaced the whole picture. */
        final BitSet touched = new BitSet();
        /** Counts the words heard of the prefix (stream updates, newer looks): new data moves it on. */
        int words;
    }

    /** Makes the watched prefixes exactly these: new ones start unseeded, dropped ones are forgotten. */
    public synchronized void watch(Collection<Prefix> prefixes) {
        Set<Prefix> wanted = new HashSet<>(prefixes);
        entries.keySet().retainAll(wanted);
        changed.retainAll(wanted);
        withdrawnLately.retainAll(wanted);
        for (Prefix p : wanted) {
            entries.computeIfAbsent(p, k -> new Entry());
        }
    }

    public synchronized boolean watches(Prefix prefix) {
        return entries.containsKey(prefix);
    }

    public synchronized int size() {
        return entries.size();
    }

    /**
     * A look at the prefix as a whole (the looking glass). It replaces the picture, unless the stream moved
     * the prefix after the look's own data time: the stream is the newer word then.
     *
     * @return true if the look was taken
     */
    public synchronized boolean seed(PrefixObservation look) {
        Entry e = entries.get(look.prefix());
        if (e == null) {
            return false;
        }
        Instant before = e.seededAt;
        boolean taken = take(e, look);
        if (taken && (before == null || look.at().isAfter(before))) {
            e.words++;
        }
        return taken;
    }

    private boolean take(Entry e, PrefixObservation look) {
        if (e.staleSince != null) {
            // after a gap only a look that saw the whole gap can stand in for what the stream lost there
            boolean covers = e.coverAfter == null ? look.at().isAfter(e.staleSince) : !look.at().isBefore(e.coverAfter);
            if (!covers) {
                e.refusedAt = look.at();
                return false;
            }
            replace(e, look);
            if (e.movedIn != null) {
                // what the stream said since it came back is newer than any look
                for (int id = e.movedIn.nextSetBit(0); id >= 0; id = e.movedIn.nextSetBit(id + 1)) {
                    if (!downPeers.get(id)) {
                        e.present.set(id);
                        e.absent.clear(id);
                    }
                }
                e.present.andNot(e.movedOut);
            }
            e.staleSince = null;
            e.coverAfter = null;
            e.movedIn = null;
            e.movedOut = null;
            e.refusedAt = null;
            e.movedAt = null; // the look's picture now, not a word of the stream
            changed.add(look.prefix());
            return true;
        }
        if (e.streamChangedAt != null && e.streamChangedAt.isAfter(look.at())) {
            // the stream moved some peers after the look's data time: its word stands for those, the look's
            // for every other peer (the looking glass is about 40 s behind, so this is the common case)
            BitSet keep = e.touched;
            BitSet keptPresent = (BitSet) e.present.clone();
            keptPresent.and(keep);
            BitSet keptAbsent = (BitSet) e.absent.clone();
            keptAbsent.and(keep);
            replace(e, look);
            e.present.andNot(keep);
            e.present.or(keptPresent);
            e.absent.andNot(keep);
            e.absent.or(keptAbsent);
            changed.add(look.prefix());
            return true;
        }
        replace(e, look);
        e.touched.clear();
        e.movedAt = null;
        changed.add(look.prefix());
        return true;
    }

    private void replace(Entry e, PrefixObservation look) {
        // a peer whose session is down stays out of the baseline even when the look no longer lists it
        BitSet stillDown = (BitSet) e.present.clone();
        stillDown.or(e.absent);
        stillDown.and(downPeers);
        e.present.clear();
        e.absent.clear();
        e.absent.or(stillDown);
        for (String peer : look.peers()) {
            int id = peers.id(peer);
            if (downPeers.get(id)) {
                e.absent.set(id);
            } else {
                e.present.set(id);
            }
        }
        if (!look.peers().isEmpty()) {
            // a whole look says which upstreams carry it now; an empty one leaves the last known ("before")
            e.origins.clear();
            e.upstreams.clear();
        }
        e.origins.addAll(look.origins());
        e.upstreams.addAll(look.upstreams());
        e.seededAt = look.at();
    }

    /**
     * A peer announced a route to exactly {@code prefix}.
     *
     * @return true if the prefix's picture moved (the peer was not carrying it)
     */
    public synchronized boolean announce(String collector, String peer, Prefix prefix, long origin, long upstream,
                                         Instant at) {
        return announce(collector, peer, prefix, origin, upstream, at, null);
    }

    /** As {@link #announce(String, String, Prefix, long, long, Instant)}, heard at {@code heard} on our clock. */
    public synchronized boolean announce(String collector, String peer, Prefix prefix, long origin, long upstream,
                                         Instant at, Instant heard) {
        Entry e = entries.get(prefix);
        if (e == null) {
            return false;
        }
        int id = peers.id(collector, peer);
        e.words++;
        e.absent.clear(id);
        boolean moved = !e.present.get(id);
        if (moved) {
            e.present.set(id);
            changed.add(prefix);
            e.movedAt = heard;
        }
        e.touched.set(id);
        if (e.movedIn != null) {
            e.movedIn.set(id);
            e.movedOut.clear(id);
        }
        if (origin != 0) {
            e.origins.add(origin);
        }
        if (upstream != 0 && upstream != origin) {
            e.upstreams.add(upstream);
        }
        e.streamChangedAt = at;
        return moved;
    }

    /**
     * A peer withdrew its route to exactly {@code prefix}.
     *
     * @return true if the prefix's picture moved (the peer was carrying it)
     */
    public synchronized boolean withdraw(String collector, String peer, Prefix prefix, Instant at) {
        return withdraw(collector, peer, prefix, at, null);
    }

    /** As {@link #withdraw(String, String, Prefix, Instant)}, heard at {@code heard} on our clock. */
    public synchronized boolean withdraw(String collector, String peer, Prefix prefix, Instant at, Instant heard) {
        Entry e = entries.get(prefix);
        if (e == null) {
            return false;
        }
        int id = peers.id(collector, peer);
        e.words++;
        e.absent.clear(id);
        boolean moved = e.present.get(id);
        if (moved) {
            e.present.clear(id);
            changed.add(prefix);
            withdrawnLately.add(prefix);
            e.movedAt = heard;
        }
        e.touched.set(id);
        if (e.movedOut != null) {
            e.movedOut.set(id);
            e.movedIn.clear(id);
        }
        e.streamChangedAt = at;
        return moved;
    }

    /** A peer's session with RIS went down: its routes leave every picture and every baseline. */
    public synchronized void peerDown(String collector, String peer) {
        int id = peers.id(collector, peer);
        downPeers.set(id);
        entries.forEach((prefix, e) -> {
            if (e.present.get(id)) {
                e.present.clear(id);
                e.absent.set(id);
                e.words++;
                changed.add(prefix);
            }
        });
    }

    /** A peer's session is up again; its routes come back as it announces them. */
    public synchronized void peerUp(String collector, String peer) {
        downPeers.clear(peers.id(collector, peer));
    }

    /**
     * A number that moves on whenever something new is heard of any of these prefixes (a stream update, a
     * look with newer data): judging them again with it unchanged judges the same data.
     */
    public synchronized long dataVersion(Collection<Prefix> prefixes) {
        long sum = 0;
        for (Prefix p : prefixes) {
            Entry e = entries.get(p);
            sum += e == null ? 0 : e.words;
        }
        return sum;
    }

    /** The prefixes whose peers changed since the last call. */
    public synchronized List<Prefix> drainChanged() {
        List<Prefix> out = new ArrayList<>(changed);
        changed.clear();
        return out;
    }

    /** Puts prefixes back among the changed ones: their change could not be recorded and must be again. */
    public synchronized void markChanged(java.util.Collection<Prefix> prefixes) {
        for (Prefix p : prefixes) {
            if (entries.containsKey(p)) {
                changed.add(p);
            }
        }
    }

    /** Prefixes a peer withdrew since the last call: the looking glass gives them a second look first. */
    public synchronized List<Prefix> drainWithdrawn() {
        List<Prefix> out = new ArrayList<>(withdrawnLately);
        withdrawnLately.clear();
        return out;
    }

    /** The data time of the prefix's last look that was taken; null if none was, or if it is not watched. */
    public synchronized Instant lookedAt(Prefix prefix) {
        Entry e = entries.get(prefix);
        return e == null ? null : e.seededAt;
    }

    /** Prefixes never looked at yet. */
    public synchronized List<Prefix> unseeded() {
        List<Prefix> out = new ArrayList<>();
        entries.forEach((p, e) -> {
            if (e.seededAt == null) {
                out.add(p);
            }
        });
        return out;
    }

    /**
     * Every watched prefix with the time of its last look, for the reconciler: null if never looked at or
     * stale since a gap in the stream, so that those come first.
     */
    public synchronized Map<Prefix, Instant> seedTimes() {
        Map<Prefix, Instant> out = new HashMap<>();
        entries.forEach((p, e) -> out.put(p, e.staleSince == null ? e.seededAt
                : e.refusedAt == null ? null
                // looked at, but too early to cover the gap: again before any prefix that is not stale, and
                // after the stale ones not tried yet, so that no one prefix takes the whole budget
                : Instant.ofEpochMilli(e.refusedAt.toEpochMilli() / 1000)));
        return out;
    }

    /**
     * The stream was not heard from {@code since}: what it said in the gap is lost, so every picture is as
     * of then until its prefix is looked at again.
     */
    public synchronized void staleSince(Instant since) {
        for (Entry e : entries.values()) {
            // a look taken during the gap knows the prefix up to its own time: stale only from then
            Instant from = e.seededAt != null && e.seededAt.isAfter(since) ? e.seededAt : since;
            e.staleSince = e.staleSince == null || from.isBefore(e.staleSince) ? from : e.staleSince;
            e.coverAfter = null;
            e.movedIn = null;
            e.movedOut = null;
            e.refusedAt = null;
        }
    }

    /**
     * The stream is back after a gap that made pictures stale: from now on it is whole again, so a look from
     * {@code at} on covers the gap, and what the stream says from now on is kept to be laid over that look.
     */
    public synchronized void streamBack(Instant at) {
        for (Entry e : entries.values()) {
            if (e.staleSince != null && e.coverAfter == null) {
                e.coverAfter = at;
                e.movedIn = new BitSet();
                e.movedOut = new BitSet();
            }
        }
    }

    /**
     * How current the picture of a prefix is, given that the stream's word is current as of
     * {@code streamAsOf} (null if it never spoke): null when there is no picture at all. A prefix never
     * looked at has one only if {@code streamOnly} allows pictures built from the stream alone (replays).
     */
    public synchronized Instant dataTime(Prefix prefix, Instant streamAsOf, boolean streamOnly) {
        Entry e = entries.get(prefix);
        if (e == null) {
            return null;
        }
        if (e.staleSince != null) {
            return e.staleSince;
        }
        if (e.seededAt == null) {
            return streamOnly && e.streamChangedAt != null ? streamAsOf : null;
        }
        return streamAsOf != null && streamAsOf.isAfter(e.seededAt) ? streamAsOf : e.seededAt;
    }

    /**
     * The picture of a seeded prefix as an observation at {@code at}; empty if the prefix is not watched or
     * was never looked at (an unseeded prefix has no picture to judge).
     */
    public synchronized Optional<PrefixObservation> observe(Prefix prefix, Instant at, boolean requireSeed) {
        Entry e = entries.get(prefix);
        if (e == null || (requireSeed && e.seededAt == null && e.streamChangedAt == null)) {
            return Optional.empty();
        }
        Set<String> seeing = new HashSet<>();
        Set<String> collectors = new HashSet<>();
        for (int id = e.present.nextSetBit(0); id >= 0; id = e.present.nextSetBit(id + 1)) {
            seeing.add(peers.key(id));
            collectors.add(peers.collector(id));
        }
        return Optional.of(new PrefixObservation(prefix, at, seeing, collectors.size(), e.origins.toSet(),
                e.upstreams.toSet(), e.absent.cardinality(), e.movedAt));
    }
}
