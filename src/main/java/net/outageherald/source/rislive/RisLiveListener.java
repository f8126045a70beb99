package net.outageherald.source.rislive;

/**
 * Where {@link RisLiveClient} delivers what it reads.
 *
 * <p>{@link #onUpdate} and {@link #onPeerState} are called on the websocket's reader thread, one at a time
 * and in stream order. They must be fast (hand the event to a queue, update a map): while they run no
 * further frame is read, and RIS Live closes a connection that falls about 250 MB behind.
 * {@link #onStreamState} is called on the client's own scheduler thread, in order of the changes (the last
 * one, DOWN "closed", on the thread that calls {@link RisLiveClient#close}). So an
 * implementation shared by both must be thread-safe. An exception thrown here is logged and counted; it
 * never stops the stream.
 */
public interface RisLiveListener {

    /** A route update for the watched prefixes: only those prefixes of it (or more-specifics) are left in. */
    void onUpdate(RouteUpdate update);

    /** A RIS peer's BGP session went up or down; for every peer, not only those that carry our prefixes. */
    void onPeerState(PeerState state);

    /** The stream changed state; {@code why} says why in words fit for a log. */
    void onStreamState(StreamState state, String why);

    /**
     * Messages meant for us are lost: RIS Live closed us as a slow consumer, or the connection ended while we
     * were far behind the stream (see {@link RisLiveClient#LOSSY_LAG}), so what it still held for us is gone.
     * What the stream said after {@code since} (the time of the last message read) may be incomplete. Called
     * before the stream's DOWN is delivered, on whichever thread saw the connection end; the reconnect follows
     * as for any failure.
     */
    default void onDataLost(java.time.Instant since, String why) {
    }
}
