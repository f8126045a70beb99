package net.outageherald.source.rislive;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import net.outageherald.model.Prefix;

/**
 * A BGP UPDATE one RIS peer sent to a collector: prefixes it now announces over one AS path, and prefixes
 * it withdraws. Prefixes are canonical, End-of-RIB markers are left out, and a prefix the peer announced
 * with two next hops (global and link-local IPv6) is listed once.
 *
 * @param peerAsn     the peer's AS number
 * @param announced   prefixes announced over the path, possibly none
 * @param originAsn   the last AS of the path, or {@link #NO_ASN} when there is no path or it ends in an
 *                    AS_SET of several ASes (then no single AS originates the route)
 * @param upstreamAsn the AS next to the origin, prepending skipped (path {@code 1299 3356 13904 13904} gives
 *                    3356), or {@link #NO_ASN} when the origin is the peer itself or unknown
 * @param withdrawn   prefixes withdrawn, possibly none
 */
public record RouteUpdate(String collector, String peer, long peerAsn, Instant timestamp, List<Prefix> announced,
                          long originAsn, long upstreamAsn, List<Prefix> withdrawn) implements RisMessage {

    /** Stands for "no AS": AS 0 is reserved (RFC 7607) and never appears in a valid path. */
    public static final long NO_ASN = 0;

    public RouteUpdate {
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(timestamp, "timestamp");
        announced = List.copyOf(announced);
        withdrawn = List.copyOf(withdrawn);
    }

    /** The same update with only the given prefixes, for local filtering. */
    public RouteUpdate withPrefixes(List<Prefix> keptAnnounced, List<Prefix> keptWithdrawn) {
        return new RouteUpdate(collector, peer, peerAsn, timestamp, keptAnnounced, originAsn, upstreamAsn, keptWithdrawn);
    }

    /** Whether it names no prefix at all (an End-of-RIB marker, or everything filtered away). */
    public boolean isEmpty() {
        return announced.isEmpty() && withdrawn.isEmpty();
    }
}
