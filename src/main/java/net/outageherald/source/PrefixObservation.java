package net.outageherald.source;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import net.outageherald.model.Prefix;

/**
 * One look at one prefix: which RIS peers carry a route to exactly this prefix.
 *
 * @param prefix    the prefix looked at
 * @param at        when the data is from (the source's latest time, not when we asked)
 * @param peers     peers carrying the exact prefix, as "RRC00 192.0.2.1" (collector and peer address)
 * @param rrcs      collectors with at least one such peer
 * @param origins   origin ASes seen in the paths
 * @param upstreams ASes next to the origin in the paths (the first hop towards the rest of the Internet)
 * @param absentPeers peers that carried the prefix but whose own session with RIS is down: they count
 *                    neither as seeing it nor in its baseline
 * @param movedAt   when, on our clock, the word of the stream that last moved this picture came; null for a
 *                  look, or when it is not known. A prefix that goes dark is dark since then, not since the
 *                  round that judged it a few milliseconds later
 */
public record PrefixObservation(Prefix prefix, Instant at, Set<String> peers, int rrcs, Set<Long> origins,
                                Set<Long> upstreams, int absentPeers, Instant movedAt) {

    /** A picture without a stream's word in it (a look). */
    public PrefixObservation(Prefix prefix, Instant at, Set<String> peers, int rrcs, Set<Long> origins,
                             Set<Long> upstreams, int absentPeers) {
        this(prefix, at, peers, rrcs, origins, upstreams, absentPeers, null);
    }

    /** This picture without its stream word's time: a prefix that goes dark on it is dark since now. */
    public PrefixObservation unmoved() {
        return movedAt == null ? this : new PrefixObservation(prefix, at, peers, rrcs, origins, upstreams, absentPeers);
    }

    public PrefixObservation {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(at, "at");
        peers = Set.copyOf(peers);
        origins = Set.copyOf(origins);
        upstreams = Set.copyOf(upstreams);
        if (rrcs < 0 || absentPeers < 0) {
            throw new IllegalArgumentException("rrcs < 0 or absentPeers < 0");
        }
    }

    /** A look at the prefix in which every peer that carries routes was heard (the looking glass). */
    public PrefixObservation(Prefix prefix, Instant at, Set<String> peers, int rrcs, Set<Long> origins,
                             Set<Long> upstreams) {
        this(prefix, at, peers, rrcs, origins, upstreams, 0);
    }

    public int peersSeeing() {
        return peers.size();
    }
}
