package net.outageherald.source.rislive;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queued subscribe and unsubscribe frames on the open socket, one per {@code subscribe-pace}, on
 * the scheduler thread, so that neither the caller of {@code watch} nor the reader thread waits. The pace is
 * kept in real time ({@link System#nanoTime}), whatever clock the watchdogs use.
 */
final class SubscriptionSender {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionSender.class);

    private final ScheduledExecutorService scheduler;
    private final long paceNanos;
    private final SubscriptionQueue queue = new SubscriptionQueue();
    private WebSocket socket;
    private ScheduledFuture<?> pump;
    private long lastSentNanos;
    private boolean announceDrained;
    /** Counts connections, so that a send task of an earlier one that still runs does nothing. */
    private int epoch;

    /** Told once per connection, on the scheduler thread, when its whole plan has been sent. */
    private final Runnable drained;

    SubscriptionSender(ScheduledExecutorService scheduler, Duration pace, Runnable drained) {
        this.scheduler = scheduler;
        this.paceNanos = pace.toNanos();
        this.drained = drained;
    }

    /** A new connection is open: send the whole plan on it. */
    synchronized void connected(WebSocket webSocket, List<String> plan) {
        epoch++;
        pump = null;
        socket = webSocket;
        queue.reset(plan);
        announceDrained = true;
        if (queue.pending() == 0) {
            announceDrained = false;
            scheduler.execute(drained);
            return;
        }
        schedule();
    }

    /** The plan changed: send the difference, if connected; otherwise the next connection sends it all. */
    synchronized void update(List<String> plan) {
        if (socket == null) {
            return;
        }
        queue.update(plan);
        LOG.debug("RIS Live: {} subscription changes queued", queue.pending());
        schedule();
    }

    /** The connection is gone: what was queued for it is moot. */
    synchronized void disconnected() {
        epoch++;
        socket = null;
        queue.clear();
        if (pump != null) {
            pump.cancel(false);
            pump = null;
        }
    }

    synchronized int pending() {
        return queue.pending();
    }

    private void schedule() {
        if (pump != null || socket == null || queue.pending() == 0) {
            return;
        }
        long delay = Math.max(0, lastSentNanos + paceNanos - System.nanoTime());
        try {
            int current = epoch;
            pump = scheduler.schedule(() -> sendOne(current), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("RIS Live: closing, subscriptions not sent");
        }
    }

    private synchronized void sendOne(int forEpoch) {
        if (forEpoch != epoch) {
            return;
        }
        pump = null;
        String frame = socket == null ? null : queue.poll();
        if (frame == null) {
            return;
        }
        lastSentNanos = System.nanoTime();
        if (!socket.send(frame)) {
            return; // the socket is closing: the reconnect sends everything again
        }
        if (queue.pending() > 0) {
            schedule();
        } else if (announceDrained) {
            announceDrained = false;
            LOG.info("RIS Live: all {} subscriptions sent", queue.active());
            scheduler.execute(drained); // after this lock is let go: the client's lock is taken in the other order
        }
    }
}
