package net.outageherald.source.rislive;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code ris_message}: something a RIS collector saw from one of its BGP peers, stamped with the time the
 * collector saw it. Any of them shows the stream is alive and how far behind it runs.
 */
public sealed interface RisMessage extends RisEvent permits RouteUpdate, PeerState, RisMessage.Other {

    /** The collector, e.g. {@code rrc21} (RIS Live writes {@code rrc21.ripe.net} in newer traffic). */
    String collector();

    /** The IP address of the RIS peer, as RIS Live writes it. */
    String peer();

    /** When the collector saw it (RIS Live gives milliseconds). */
    Instant timestamp();

    /**
     * A BGP message that carries no routes for us (KEEPALIVE, OPEN, NOTIFICATION, a type we do not know, or a
     * message without any type and without routes). It still counts as a sign of life.
     *
     * @param bgpType the message's {@code type}, or {@code ""} when it has none
     */
    record Other(String bgpType, String collector, String peer, Instant timestamp) implements RisMessage {
        public Other {
            Objects.requireNonNull(bgpType, "bgpType");
            Objects.requireNonNull(collector, "collector");
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }
}
