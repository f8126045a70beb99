package net.outageherald.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.outageherald.model.Delivery;
import net.outageherald.model.Delivery.Action;
import net.outageherald.model.Destination;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Facts;
import net.outageherald.model.Message;
import net.outageherald.model.Platform;
import net.outageherald.model.Status;
import net.outageherald.notify.message.Messages;
import net.outageherald.outbox.Sender;
import net.outageherald.store.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs, once at start and without a database or the network, the in-memory work of the first outage and
 * restoration: their words, their stored JSON (event and outbox message, written and read back) and each
 * sender's rendering and request ({@link Sender#warmUp}). A process otherwise loads those classes and builds
 * those serializers while its first outage waits for them (telegrambots' request serializer alone took most of
 * 100 ms on one core in the RIS Live benchmark). Nothing is sent, stored or logged above debug; a failure here
 * costs only the head start.
 */
final class Warmup implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    /** A documentation AS and prefixes (RFC 5398, 5737, 3849): never a real target. */
    private static final String TARGET = "AS64496";

    private final Messages messages;
    private final List<Sender> senders;
    private final Clock clock;

    Warmup(Messages messages, List<Sender> senders, Clock clock) {
        this.messages = messages;
        this.senders = List.copyOf(senders);
        this.clock = clock;
    }

    /** Starts {@link #run} on a daemon thread, at low priority where the operating system honours Java's. */
    Thread start() {
        Thread t = new Thread(this, "herald-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    @Override
    public void run() {
        long t0 = System.nanoTime();
        try {
            Instant now = clock.instant();
            Event started = event(EventType.OUTAGE_STARTED, Status.DOWN, Status.UP, now.minus(Duration.ofHours(1)),
                    null);
            Event restored = event(EventType.RESTORED, Status.UP, Status.DOWN, now, Duration.ofHours(1));
            Message outage = messages.forEvent(started);
            Message restoration = messages.forEvent(restored);
            Message resolved = messages.resolvedOriginal(restored);
            for (Object payload : List.of(started, restored, outage, restoration, resolved)) {
                Json.roundTrip(payload);
            }
            senders.forEach(s -> warm(s, outage, restoration, resolved));
            LOG.debug("Warmed up the alert path in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Warming up the alert path failed (the first alert builds what it needs): {}", e.toString());
        }
    }

    /** The sends of an outage, its restoration (a reply) and the outage's edit, each sender on its own. */
    private static void warm(Sender s, Message outage, Message restoration, Message resolved) {
        Destination to = sample(s.platform());
        try {
            s.warmUp(new Delivery(1, to, Action.SEND, outage, null));
            s.warmUp(new Delivery(2, to, Action.SEND, restoration, "1"));
            s.warmUp(new Delivery(3, to, Action.EDIT, resolved, "1"));
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Warming up the {} sender failed: {}", s.platform().id(), e.toString());
        }
    }

    private static Event event(EventType type, Status status, Status previous, Instant at, Duration duration) {
        Facts facts = new Facts(List.of("192.0.2.0/24", "2001:db8::/32"), 2, 256, 65_536, 1.0, 0, 300,
                List.of(64_497L), "https://stat.ripe.net/app/" + TARGET, null, List.of());
        Instant start = duration == null ? at : at.minus(duration);
        return new Event(0, type, TARGET, TARGET + " (documentation)", "US", status, previous, at, 1L, start,
                duration, facts);
    }

    /** A destination of the platform's own form; no sender reaches it, since nothing is sent. */
    private static Destination sample(Platform p) {
        return switch (p) {
            case CONSOLE -> Destination.console();
            case TELEGRAM -> new Destination(p, "-1001000000001");
            case DISCORD -> new Destination(p, "100000000000000001");
        };
    }
}
