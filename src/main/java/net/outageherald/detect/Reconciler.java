package net.outageherald.detect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import net.outageherald.model.Prefix;
import net.outageherald.routing.RoutingTable;
import net.outageherald.source.PrefixObservation;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.SourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spends the looking glass's fixed budget where it tells the most: first prefixes the stream just saw
 * withdrawn (a second opinion before an outage is told), then prefixes never looked at (at start and after
 * a gap in the stream), then each prefix once per {@code reconcile-interval}, the oldest first. While the
 * stream is not live the looking glass is the only source and goes round as fast as the budget allows.
 * {@link #next} picks; the caller runs the look and hands it to {@link #looked}. An answer that would darken a
 * prefix while RIPEstat looks blank is not taken ({@link SourceGuard}); that prefix waits a round of the others.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final RoutingTable table;
    private final RoutingSource source;
    private final Duration interval;
    private final int requestsPerMinute;
    private final BooleanSupplier streamLive;
    private final Clock clock;
    /** Prefixes the stream saw withdrawn, and when their second look is due (RIPEstat is about 40 s behind). */
    private final Map<Prefix, Instant> secondLook = new java.util.LinkedHashMap<>();
    /** Looks asked for and not answered yet: never asked for twice at once. */
    private final Set<Prefix> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Prefixes whose last look failed, and when to try again: one bad prefix must not take the budget. */
    private final Map<Prefix, Instant> retryAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Prefix, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
    /** Second looks take every other slot at most, so that seeding and reconciling go on under churn. */
    private boolean secondLookTurn = true;
    private final SourceGuard guard;
    /** Prefixes whose answer was held back, and until when they wait. */
    private final Map<Prefix, Instant> heldUntil = new java.util.concurrent.ConcurrentHashMap<>();
    private Boolean wasLive;
    private volatile boolean failing;
    /** The looking glass's data lags real time by about this much: a second look sooner sees nothing new. */
    static final Duration SECOND_LOOK_AFTER = Duration.ofSeconds(90);
    private static final Duration RETRY_FIRST = Duration.ofSeconds(30);
    private static final Duration RETRY_MAX = Duration.ofMinutes(30);

    /** Without a canary: every answer is taken. */
    public Reconciler(RoutingTable table, RoutingSource source, Duration interval, int requestsPerMinute,
                      BooleanSupplier streamLive, Clock clock) {
        this(table, source, interval, requestsPerMinute, streamLive, clock, null);
    }

    /** @param guard decides which answers are taken, and looks at the canary now and then (null: none) */
    public Reconciler(RoutingTable table, RoutingSource source, Duration interval, int requestsPerMinute,
                      BooleanSupplier streamLive, Clock clock, SourceGuard guard) {
        this.guard = guard;
        this.table = table;
        this.source = source;
        this.interval = interval;
        this.requestsPerMinute = requestsPerMinute;
        this.streamLive = streamLive;
        this.clock = clock;
    }

    /** The next prefix to look at now, or null when nothing is due. */
    public synchronized Prefix next() {
        Instant now = clock.instant();
        boolean live = streamLive.getAsBoolean();
        announceMode(live);
        for (Prefix p : table.drainWithdrawn()) {
            secondLook.putIfAbsent(p, now.plus(SECOND_LOOK_AFTER));
        }
        secondLookTurn = !secondLookTurn;
        if (secondLookTurn) {
            for (var it = secondLook.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!table.watches(e.getKey())) {
                    it.remove();
                } else if (!now.isBefore(e.getValue()) && eligible(e.getKey(), now)) {
                    it.remove();
                    return take(e.getKey());
                }
            }
        }
        Map<Prefix, Instant> seeded = table.seedTimes();
        List<Map.Entry<Prefix, Instant>> order = new ArrayList<>(seeded.entrySet());
        order.sort(Comparator.comparing(Map.Entry::getValue, Comparator.nullsFirst(Comparator.naturalOrder())));
        heldUntil.values().removeIf(until -> !now.isBefore(until));
        for (Map.Entry<Prefix, Instant> e : order) {
            boolean due = e.getValue() == null || !live || !now.isBefore(e.getValue().plus(interval));
            if (!due) {
                break; // sorted oldest first: nothing later is due either
            }
            if (!heldUntil.containsKey(e.getKey()) && eligible(e.getKey(), now)) {
                return take(e.getKey());
            }
        }
        return null;
    }

    /**
     * Judging asks for looks at these prefixes: a change waits for more rounds of new data than the stream
     * gave. They are looked at in the second looks' turns. A prefix already waiting for its second look keeps
     * its time (the looking glass is behind, and a look sooner would tell nothing new), unless its last look
     * taken is newer than the withdrawal it waits for: a look that covered a gap in the stream has seen it,
     * and the change it started waits for further words, not for the looking glass to catch up.
     */
    public synchronized void wantLooks(java.util.Collection<Prefix> prefixes) {
        Instant now = clock.instant();
        for (Prefix p : table.drainWithdrawn()) {
            secondLook.putIfAbsent(p, now.plus(SECOND_LOOK_AFTER));
        }
        for (Prefix p : prefixes) {
            Instant due = secondLook.get(p);
            Instant lookedAt = table.lookedAt(p);
            if (due == null || lookedAt != null && !lookedAt.isBefore(due.minus(SECOND_LOOK_AFTER))) {
                secondLook.put(p, now);
            }
        }
    }

    private boolean eligible(Prefix p, Instant now) {
        Instant retry = retryAt.get(p);
        return !inFlight.contains(p) && (retry == null || !now.isBefore(retry));
    }

    private Prefix take(Prefix p) {
        inFlight.add(p);
        return p;
    }

    /** Looks at one prefix now and puts the answer in the table; a failed look changes nothing. */
    public boolean look(Prefix prefix) throws InterruptedException {
        try {
            PrefixObservation look = source.observe(prefix);
            if (guard != null) {
                guard.canaryObserved(look);
                if (!guard.admits(look)) {
                    // RIPEstat looks blank: the stream's picture stays, and the prefix waits for the others
                    Duration wait = cadence().compareTo(Duration.ofMinutes(1)) > 0 ? cadence() : Duration.ofMinutes(1);
                    heldUntil.put(prefix, clock.instant().plus(wait));
                    return false;
                }
            }
            table.seed(look);
            retryAt.remove(prefix);
            failures.remove(prefix);
            if (failing) {
                LOG.info("The looking glass answers again");
                failing = false;
            }
            return true;
        } catch (SourceUnavailableException e) {
            if (!failing) {
                LOG.warn("The looking glass gave no answer for {} ({}); the routing table keeps its picture",
                        prefix, e.getMessage());
                failing = true;
            }
            int n = failures.merge(prefix, 1, Integer::sum);
            Duration wait = RETRY_FIRST.multipliedBy(1L << Math.min(6, n - 1));
            retryAt.put(prefix, clock.instant().plus(wait.compareTo(RETRY_MAX) > 0 ? RETRY_MAX : wait));
            return false;
        } finally {
            inFlight.remove(prefix);
            if (guard != null && guard.canaryDue()) {
                guard.lookAtCanary(); // now and then even when nothing darkens, so blankness and its end show
            }
        }
    }

    /** The pause between looks that keeps within {@code requests-per-minute}. */
    public Duration pace() {
        return Duration.ofMillis(60_000L / Math.max(1, requestsPerMinute));
    }

    /** How often each prefix is looked at when the looking glass is the only source. */
    public Duration cadence() {
        return pace().multipliedBy(Math.max(1, table.size()));
    }

    /** Says once when the looking glass becomes the only source, and once when the stream is back. */
    private void announceMode(boolean live) {
        if (wasLive != null && wasLive == live) {
            return;
        }
        if (!live && table.size() == 0) {
            return; // nothing to check yet (the watch list is still resolving): said once there is
        }
        if (!live) {
            LOG.warn("Real-time stream down: the looking glass is the only source, each of {} prefixes checked"
                    + " every {}", table.size(), human(cadence()));
        } else if (wasLive != null) {
            LOG.info("Real-time stream back: the looking glass reconciles each prefix every {}", human(
                    interval.compareTo(cadence()) > 0 ? interval : cadence()));
        }
        wasLive = live;
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s < 1 ? d.toMillis() + " ms" : s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s / 3600 + " h";
    }
}
