package net.outageherald.source.rislive;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A RIS peer's BGP session with its collector changed ({@code RIS_PEER_STATE}). When a session drops, the
 * peer's routes vanish from RIS without per-prefix withdrawals, so a detector must treat that as "this peer
 * no longer tells us anything", never as an outage of its prefixes.
 *
 * @param state as RIS Live writes it, lower-cased: {@code connected}, {@code down}, …
 */
public record PeerState(String collector, String peer, long peerAsn, Instant timestamp, String state)
        implements RisMessage {

    public PeerState {
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(timestamp, "timestamp");
        state = state.toLowerCase(Locale.ROOT);
    }

    /** Whether the session is up, so the peer's view counts again. */
    public boolean connected() {
        return state.equals("connected");
    }
}
