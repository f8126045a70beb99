package net.outageherald.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import net.outageherald.chart.ChartRequest;
import net.outageherald.chart.ChartResult;
import net.outageherald.chart.ChartsConfig;
import net.outageherald.chart.VisibilityChart;
import net.outageherald.detect.PendingChange;
import net.outageherald.model.SendReason;
import net.outageherald.outbox.Charts;
import net.outageherald.store.Database;
import net.outageherald.store.Outage;
import net.outageherald.store.OutboxRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chart of an outage or restoration message, drawn once per event at its first delivery and shared by
 * every row of that event (a fan-out to 5,000 chats draws one chart): the target's visibility over
 * {@code window} up to the event, reaching back to the outage's start for a restoration, the outage shaded.
 * Drawing runs on its own thread; the senders of an event wait for it at most {@code maxWait} from its first
 * ask, all together (a hung drawing costs a fan-out one wait, not one per chat), and send the text alone past
 * it, while the chart is finished for the rows after it. No chart (too little history, a failure) is remembered
 * too, so nobody waits for it twice.
 *
 * <p>Up to {@link #KEPT} events' charts are kept (about 40 KB each: some 10 MB), so that a mass outage's hundreds
 * of events are not drawn and uploaded twice; only finished ones are forgotten, never one being drawn. A drawing
 * still running {@link #MAX_DRAW} after it began is given up (its event goes without a chart) and the drawing
 * thread replaced, so that one that never returns does not hold back the charts of the events after it.
 *
 * <p>A change being confirmed ({@link #prepare}) has its chart drawn then, up to that moment, so that the event's
 * message, once confirmed, finds it drawn: the event of the target's latest streak takes it at its first delivery
 * instead of drawing its own ({@link PreparedCharts}).
 */
public final class EventCharts implements Charts, AutoCloseable {

    /** Charts kept at once: the events being delivered now, a mass outage's too (256 × ~40 KB PNG: ~10 MB). */
    static final int KEPT = 256;
    /** Longest a drawing may run (one takes about 0.2 s) before it is given up and its thread replaced. */
    static final Duration MAX_DRAW = Duration.ofSeconds(30);
    /** How long a chart is kept after it was drawn: a fan-out of thousands at 30 messages a second. */
    static final Duration KEEP_FOR = Duration.ofHours(6);
    /** Longest a sender waits for a chart being drawn (one takes about 0.1 s) before it sends the text alone. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(EventCharts.class);

    /** @param waitUntil {@link System#nanoTime()} past which nobody waits for this chart any more */
    private record Drawn(CompletableFuture<Optional<byte[]>> png, Instant at, long waitUntil) {
    }

    /** The drawing under way: which chart ("event 5", for the logs), since when. */
    private record Running(String what, CompletableFuture<Optional<byte[]>> png, Instant since) {
    }

    private final Function<ChartRequest, ChartResult> renderer;
    /** Where drawings run: the caller's executor, or {@link #owned}. */
    private final Executor drawing;
    /** Makes the drawing thread when this owns it (and a new one for a hung one); null when the caller owns it. */
    private final Supplier<ExecutorService> threads;
    /** The drawing thread when this made it, for {@link #close}; null when the caller owns it. */
    private ExecutorService owned;
    private boolean closed;
    private volatile Running running;
    private final Duration maxWait;
    private final Clock clock;
    private final ChartRequests requests;
    private final Map<Long, Drawn> cache = new LinkedHashMap<>();
    /** The charts of changes being confirmed, by target; guarded by {@link #cache} too. */
    private final PreparedCharts prepared = new PreparedCharts(KEPT, KEEP_FOR);

    /**
     * @param renderer draws a request ({@code VisibilityChart::render}); may be slow, never called twice per event
     * @param drawing  the thread it runs on
     */
    EventCharts(Database db, Function<ChartRequest, ChartResult> renderer, Executor drawing, Duration window,
                Duration maxWait, Clock clock) {
        this(db, renderer, drawing, null, window, maxWait, clock, key -> Optional.empty());
    }

    /**
     * @param drawing the caller's executor, or null to draw on threads of {@code threads}, replaced when one hangs
     */
    EventCharts(Database db, Function<ChartRequest, ChartResult> renderer, Executor drawing,
                Supplier<ExecutorService> threads, Duration window, Duration maxWait, Clock clock,
                Function<String, Optional<String>> signal) {
        this.threads = drawing == null ? threads : null;
        this.owned = drawing == null ? threads.get() : null;
        this.renderer = renderer;
        this.drawing = drawing;
        this.requests = new ChartRequests(db, window, signal);
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /**
     * The charts of {@code config} (none when it is disabled), drawn with {@link VisibilityChart} on a daemon
     * thread of their own.
     */
    public static Charts of(Database db, ChartsConfig config, Clock clock) {
        return of(db, config, clock, key -> Optional.empty());
    }

    /**
     * @param signal for a target watched through IODA's country signal (non-empty), whose samples hold IODA's
     *               share of the usual level: its chart names IODA and draws no RIS peer lines
     */
    public static Charts of(Database db, ChartsConfig config, Clock clock, Function<String, Optional<String>> signal) {
        return ifEnabled(db, config, clock, signal).<Charts>map(c -> c).orElse(Charts.NONE);
    }

    /**
     * As {@link #of(Database, ChartsConfig, Clock, Function)}, empty when charts are disabled: for the notifier,
     * which takes these charts at delivery and their {@link #prepare} for the changes being confirmed.
     */
    public static Optional<EventCharts> ifEnabled(Database db, ChartsConfig config, Clock clock,
                                                  Function<String, Optional<String>> signal) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        VisibilityChart chart = new VisibilityChart();
        return Optional.of(new EventCharts(db, chart::render, null, EventCharts::drawingThread, config.window(),
                MAX_WAIT, clock, signal));
    }

    static ExecutorService drawingThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "herald-chart");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Ends the drawing thread this made (a drawing under way is interrupted, queued ones are dropped); rows asked
     * for after it go as text. Called when delivery stops, before the database closes.
     */
    @Override
    public void close() {
        synchronized (cache) {
            closed = true;
            if (owned != null) {
                owned.shutdownNow();
            }
        }
    }

    @Override
    public Optional<byte[]> chartFor(OutboxRow row) {
        if (row.eventId() == null || row.targetKey() == null || row.outageId() == null
                || (row.reason() != SendReason.OUTAGE && row.reason() != SendReason.RESTORATION)) {
            return Optional.empty();
        }
        Drawn drawn = drawn(row);
        try {
            // the wait is the event's, not each row's: past it, the rows of a slow chart go as text at once
            long left = Math.max(0, drawn.waitUntil() - System.nanoTime());
            return drawn.png().get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.debug("The chart of event {} is not drawn after {}; outbox row {} goes without it", row.eventId(),
                    maxWait, row.id());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Draws the chart of a change being confirmed now, on the drawing thread, for its event to take at its first
     * delivery ({@link #chartFor}); it replaces the target's chart of an older streak. Never throws.
     */
    public void prepare(PendingChange change) {
        try {
            Instant now = clock.instant();
            CompletableFuture<Optional<byte[]>> png = new CompletableFuture<>();
            Executor on;
            synchronized (cache) {
                if (closed) {
                    return;
                }
                giveUpHung(now);
                if (!prepared.put(change, png, now)) {
                    LOG.debug("Not preparing the chart of {}'s {}: {} charts are being drawn already",
                            change.targetKey(), change.leadsTo(), KEPT);
                    return;
                }
                on = owned != null ? owned : drawing;
            }
            String what = change.targetKey() + "'s " + change.leadsTo().name().toLowerCase(java.util.Locale.ROOT)
                    + " being confirmed";
            start(on, what, change.targetKey(), png, () -> requests.forPending(change, now));
        } catch (RuntimeException e) {
            LOG.debug("Not preparing the chart of {}: {}", change.targetKey(), e.toString());
        }
    }

    /**
     * The event's chart, being drawn or done: the one prepared while it was being confirmed, or one it starts
     * drawing when it is the first to ask.
     */
    private Drawn drawn(OutboxRow row) {
        Instant now = clock.instant();
        boolean mayBePrepared;
        synchronized (cache) {
            Drawn kept = cache.get(row.eventId());
            if (kept != null) {
                return kept;
            }
            mayBePrepared = prepared.has(row.targetKey());
        }
        // read outside the lock, so that the rows of events already drawn need not wait for it
        Optional<Outage> outage = mayBePrepared ? outageOf(row) : Optional.empty();
        CompletableFuture<Optional<byte[]>> png;
        Drawn drawn;
        Executor on;
        synchronized (cache) {
            Drawn kept = cache.get(row.eventId());
            if (kept != null) {
                return kept;
            }
            giveUpHung(now);
            forgetOld(now);
            Optional<CompletableFuture<Optional<byte[]>>> ready = outage.flatMap(
                    o -> prepared.take(row.targetKey(), row.reason(), o));
            png = ready.orElseGet(CompletableFuture::new);
            drawn = new Drawn(png, now, System.nanoTime() + maxWait.toNanos());
            cache.put(row.eventId(), drawn);
            if (ready.isPresent()) {
                LOG.debug("Event {} ({}) takes the chart drawn while it was being confirmed", row.eventId(),
                        row.targetKey());
                return drawn;
            }
            on = owned != null ? owned : drawing;
        }
        start(on, "event " + row.eventId(), row.targetKey(), png, () -> requests.forRow(row));
        return drawn;
    }

    private Optional<Outage> outageOf(OutboxRow row) {
        try {
            return requests.outageOf(row);
        } catch (RuntimeException e) {
            return Optional.empty(); // drawn as if nothing was prepared
        }
    }

    /** Draws {@code png} on {@code on}, unless it was ended before its turn came (an older streak's). */
    private void start(Executor on, String what, String targetKey, CompletableFuture<Optional<byte[]>> png,
                       Supplier<ChartRequest> request) {
        try {
            on.execute(() -> {
                if (png.isDone()) {
                    return;
                }
                Running mine = new Running(what, png, clock.instant());
                running = mine;
                try {
                    png.complete(draw(what, targetKey, request));
                } finally {
                    if (running == mine) {
                        running = null;
                    }
                }
            });
        } catch (RuntimeException e) { // shutting down
            png.complete(Optional.empty());
        }
    }

    /**
     * A drawing running past {@link #MAX_DRAW}: its event goes without a chart, and the drawings queued behind it
     * move to a new thread (the hung one is interrupted and left to end, a daemon). Called holding the cache.
     */
    private void giveUpHung(Instant now) {
        Running r = running;
        if (r == null || !r.since().plus(MAX_DRAW).isBefore(now)) {
            return;
        }
        running = null;
        r.png().complete(Optional.empty());
        if (owned == null || closed) {
            LOG.warn("The chart of {} is still being drawn after {}; its messages go without it", r.what(),
                    MAX_DRAW);
            return;
        }
        List<Runnable> queued = owned.shutdownNow();
        owned = threads.get();
        queued.forEach(owned::execute);
        LOG.warn("The chart of {} is still being drawn after {}; its messages go without it, and {} queued "
                + "charts move to a new drawing thread", r.what(), MAX_DRAW, queued.size());
    }

    /** Forgets charts past {@link #KEEP_FOR}, and the oldest past {@link #KEPT}: finished ones only. */
    private void forgetOld(Instant now) {
        Iterator<Drawn> it = cache.values().iterator();
        while (it.hasNext()) {
            Drawn d = it.next();
            if (d.png().isDone() && (cache.size() >= KEPT || d.at().plus(KEEP_FOR).isBefore(now))) {
                it.remove();
            }
        }
    }

    private Optional<byte[]> draw(String what, String targetKey, Supplier<ChartRequest> request) {
        long started = System.nanoTime();
        try {
            ChartResult result = renderer.apply(request.get());
            if (result instanceof ChartResult.Png png) {
                LOG.debug("Drew the chart of {} ({}) in {} ms, {} bytes", what, targetKey,
                        (System.nanoTime() - started) / 1_000_000, png.bytes().length);
                return Optional.of(png.bytes());
            }
            LOG.info("No chart for {} ({}): {}; its messages go as text", what, targetKey,
                    ((ChartResult.NotDrawn) result).message());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("No chart for {} ({}): {}; its messages go as text", what, targetKey, e.toString());
        }
        return Optional.empty();
    }
}
