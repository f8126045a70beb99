package net.outageherald.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.outageherald.model.Prefix;
import net.outageherald.source.rislive.PeerState;
import net.outageherald.source.rislive.RisLiveListener;
import net.outageherald.source.rislive.RouteUpdate;
import net.outageherald.source.rislive.StreamState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the routing table with what RIS Live says, and keeps what the stream's state means for the age of
 * our data: while the stream is live the picture is current; while it lags or is down the picture is as
 * old as the stream's last word, and after a gap every prefix is looked at again.
 */
public final class StreamFeed implements RisLiveListener {

    private static final Logger LOG = LoggerFactory.getLogger(StreamFeed.class);

    private final RoutingTable table;
    private final Clock clock;
    private final Runnable changed;
    private volatile StreamState state = StreamState.CONNECTING;
    private volatile Instant liveUntil;
    private volatile Instant lastMessage;
    private volatile boolean everLive;
    /** Set when data meant for us was lost (see onDataLost): the next return to LIVE makes every picture stale. */
    private volatile Instant lostSince;
    /** A gap shorter than this loses too little to look at every prefix again. */
    private final java.time.Duration tolerableGap;

    /** @param changed called after the table moved, to wake detection */
    public StreamFeed(RoutingTable table, Clock clock, Duration tolerableGap, Runnable changed) {
        this.table = table;
        this.clock = clock;
        this.tolerableGap = tolerableGap;
        this.changed = changed;
    }

    @Override
    public void onUpdate(RouteUpdate u) {
        lastMessage = u.timestamp();
        boolean moved = false;
        Instant heard = clock.instant(); // a prefix goes dark when its last withdrawal came, not when it was judged
        for (Prefix p : u.withdrawn()) {
            moved |= table.withdraw(u.collector(), u.peer(), p, u.timestamp(), heard);
        }
        for (Prefix p : u.announced()) {
            moved |= table.announce(u.collector(), u.peer(), p, u.originAsn(), u.upstreamAsn(), u.timestamp(), heard);
        }
        if (moved) {
            changed.run(); // judging wakes for a picture that moved, not for every word of the stream
        }
    }

    @Override
    public void onPeerState(PeerState s) {
        lastMessage = s.timestamp();
        if (s.connected()) {
            table.peerUp(s.collector(), s.peer());
        } else {
            table.peerDown(s.collector(), s.peer());
            changed.run();
        }
    }

    @Override
    public void onStreamState(StreamState next, String why) {
        StreamState before = state;
        Instant now = clock.instant();
        if (before == StreamState.LIVE && next != StreamState.LIVE) {
            // lagging or gone, the picture is as of now; what a lagging stream says later is late, not lost
            liveUntil = now;
        }
        state = next;
        if (next == StreamState.LIVE && before == StreamState.LAGGING) {
            changed.run();
            return;
        }
        if (next == StreamState.LIVE && before != StreamState.LIVE) {
            Instant gapStart = liveUntil;
            Instant lost = lostSince;
            if (lost != null) {
                // looks taken while it was away cannot know what it lost after them either
                table.staleSince(lost);
                lostSince = null;
                LOG.warn("RIS Live is live again ({}) after losing data; every watched prefix is looked at again", why);
            } else if (everLive && gapStart != null && Duration.between(gapStart, now).compareTo(tolerableGap) > 0) {
                // what happened while we did not listen is lost: every prefix gets a fresh look
                table.staleSince(gapStart);
                LOG.info("RIS Live is live again ({}) after {} s; every watched prefix is looked at again", why,
                        Duration.between(gapStart, now).toSeconds());
            }
            table.streamBack(now);
            everLive = true;
        }
        changed.run();
    }

    /**
     * RIS Live dropped what it held for us: from {@code since} on the pictures are incomplete. They count as
     * that old (never as dark) until a look taken after the stream is back replaces them.
     */
    @Override
    public void onDataLost(Instant since, String why) {
        lostSince = since;
        table.staleSince(since);
        LOG.warn("RIS Live {}: routing data is incomplete since {}; every watched prefix will be looked at again",
                why, since);
        changed.run();
    }

    public StreamState state() {
        return state;
    }

    /**
     * How current a picture fed by the stream is at {@code now}: now while the stream is live, else the
     * moment it stopped being live (null if it never was).
     */
    public Instant currentAsOf(Instant now) {
        return state == StreamState.LIVE ? now : liveUntil;
    }

    /** How current the table's picture of a prefix is now; null when there is none. */
    public Instant dataTime(Prefix prefix, boolean streamOnly) {
        return table.dataTime(prefix, currentAsOf(clock.instant()), streamOnly);
    }
}
