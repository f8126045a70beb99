package net.outageherald.source.rislive;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import net.outageherald.model.Prefix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to each text frame of the current connection, on the websocket reader thread: parse it,
 * count it, feed the watchdogs, keep only our prefixes and hand the result to the listener. This is the
 * hot path (the whole stream is ~10,000 frames a second), so it takes no lock: the plan it filters with
 * is swapped whole through a volatile field.
 */
final class FrameHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FrameHandler.class);

    final AtomicLong messages = new AtomicLong();
    final AtomicLong updates = new AtomicLong();
    final AtomicLong unparseable = new AtomicLong();
    final AtomicLong listenerFailures = new AtomicLong();

    private final RisMessageParser parser = new RisMessageParser();
    private final PrefixTrie beacons = new PrefixTrie(SubscriptionPlan.BEACONS);
    private final RisLiveListener listener;
    private final LivenessWatch liveness;
    private final Backoff backoff;
    private final Clock clock;
    private volatile SubscriptionPlan plan;
    private volatile boolean dataSeen;

    FrameHandler(RisLiveListener listener, LivenessWatch liveness, Backoff backoff, Clock clock, SubscriptionPlan plan) {
        this.listener = listener;
        this.liveness = liveness;
        this.backoff = backoff;
        this.clock = clock;
        this.plan = plan;
    }

    SubscriptionPlan plan() {
        return plan;
    }

    /** Filters with {@code next} from the next frame on. */
    void plan(SubscriptionPlan next) {
        plan = next;
    }

    /** A new connection: its first message proves it works. */
    void newConnection() {
        dataSeen = false;
    }

    /**
     * Handles one frame; gives the {@code ris_error} it was, for the caller to drop the connection, or null.
     */
    RisEvent.ServerError handle(String text) {
        messages.incrementAndGet();
        SubscriptionPlan plan = this.plan; // one plan for the whole frame
        RisEvent event = parser.parse(text, plan.reading());
        if (event instanceof RisMessage m) {
            alive(m);
            if (m instanceof RouteUpdate u) {
                updates.incrementAndGet();
                if (touchesBeacon(u)) {
                    liveness.beacon(clock.instant());
                }
                RouteUpdate ours = plan.retain(u);
                if (ours != null) {
                    deliver(() -> listener.onUpdate(ours));
                }
            } else if (m instanceof PeerState s) {
                deliver(() -> listener.onPeerState(s));
            }
        } else if (event instanceof RisEvent.ServerError e) {
            return e;
        } else if (event instanceof RisEvent.Unparseable u) {
            long n = unparseable.incrementAndGet();
            if (Long.bitCount(n) == 1) { // 1st, 2nd, 4th, 8th…: visible, but never a flood
                LOG.warn("RIS Live: unreadable frame ({} so far): {}: {}", n, u.reason(), Text.excerpt(text));
            }
        } else {
            LOG.debug("RIS Live: {}", event);
        }
        return null;
    }

    /** Calls the listener; its exception is logged and counted, and never stops the stream. */
    void deliver(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            long n = listenerFailures.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.error("RIS Live listener failed ({} so far); the stream goes on", n, e);
            }
        }
    }

    private void alive(RisMessage m) {
        liveness.message(m.timestamp(), clock.instant());
        if (!dataSeen) {
            dataSeen = true;
            backoff.reset(); // data flows: this connection works, so the next failure starts from the first wait
        }
    }

    private boolean touchesBeacon(RouteUpdate u) {
        for (Prefix p : u.announced()) {
            if (beacons.covers(p)) {
                return true;
            }
        }
        for (Prefix p : u.withdrawn()) {
            if (beacons.covers(p)) {
                return true;
            }
        }
        return false;
    }
}
