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
import net.outageherald.chart.ChartSource;
import net.outageherald.chart.ChartWindow;
import net.outageherald.chart.ChartsConfig;
import net.outageherald.chart.VisibilityChart;
import net.outageherald.chart.OutageInterval;
import net.outageherald.chart.VisibilitySample;
import net.outageherald.model.SendReason;
import net.outageherald.outbox.Charts;
import net.outageherald.store.Database;
import net.outageherald.store.Outage;
import net.outageherald.store.OutageRepository;
import net.outageherald.store.OutboxRow;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;
import net.outageherald.store.VisibilityRepository;
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

    /** The drawing under way: which chart, since when, on which thread's executor. */
    private record Running(long eventId, CompletableFuture<Optional<byte[]>> png, Instant since) {
    }

    private final Database db;
    private final Function<ChartRequest, ChartResult> renderer;
    /** Where drawings run: the caller's executor, or {@link #owned}. */
    private final Executor drawing;
    /** Makes the drawing thread when this owns it (and a new one for a hung one); null when the caller owns it. */
    private final Supplier<ExecutorService> threads;
    /** The drawing thread when this made it, for {@link #close}; null when the caller owns it. */
    private ExecutorService owned;
    private boolean closed;
    private volatile Running running;
    private final Duration window;
    private final Duration maxWait;
    private final Clock clock;
    /** For a target watched through IODA's country signal, what /status says of it; empty for one watched by prefixes. */
    private final Function<String, Optional<String>> signal;
    private final VisibilityRepository history = new VisibilityRepository();
    private final OutageRepository outages = new OutageRepository();
    private final TargetRepository targets = new TargetRepository();
    private final Map<Long, Drawn> cache = new LinkedHashMap<>();

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
        this.signal = signal;
        this.threads = drawing == null ? threads : null;
        this.owned = drawing == null ? threads.get() : null;
        this.db = db;
        this.renderer = renderer;
        this.drawing = drawing;
        this.window = window;
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
        if (!config.enabled()) {
            return Charts.NONE;
        }
        VisibilityChart chart = new VisibilityChart();
        return new EventCharts(db, chart::render, null, EventCharts::drawingThread, config.window(), MAX_WAIT, clock,
                signal);
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

    /** The event's chart, being drawn or done; starts drawing it when it is the first to ask. */
    private Drawn drawn(OutboxRow row) {
        Instant now = clock.instant();
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
            png = new CompletableFuture<>();
            drawn = new Drawn(png, now, System.nanoTime() + maxWait.toNanos());
            cache.put(row.eventId(), drawn);
            on = owned != null ? owned : drawing;
        }
        try {
            on.execute(() -> {
                Running mine = new Running(row.eventId(), png, clock.instant());
                running = mine;
                try {
                    png.complete(draw(row));
                } finally {
                    if (running == mine) {
                        running = null;
                    }
                }
            });
        } catch (RuntimeException e) { // shutting down
            png.complete(Optional.empty());
        }
        return drawn;
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
            LOG.warn("The chart of event {} is still being drawn after {}; its messages go without it", r.eventId(),
                    MAX_DRAW);
            return;
        }
        List<Runnable> queued = owned.shutdownNow();
        owned = threads.get();
        queued.forEach(owned::execute);
        LOG.warn("The chart of event {} is still being drawn after {}; its messages go without it, and {} queued "
                + "charts move to a new drawing thread", r.eventId(), MAX_DRAW, queued.size());
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

    private Optional<byte[]> draw(OutboxRow row) {
        long started = System.nanoTime();
        try {
            ChartResult result = renderer.apply(request(row));
            if (result instanceof ChartResult.Png png) {
                LOG.debug("Drew the chart of event {} ({}) in {} ms, {} bytes", row.eventId(), row.targetKey(),
                        (System.nanoTime() - started) / 1_000_000, png.bytes().length);
                return Optional.of(png.bytes());
            }
            LOG.info("No chart for event {} ({}): {}; its messages go as text", row.eventId(), row.targetKey(),
                    ((ChartResult.NotDrawn) result).message());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("No chart for event {} ({}): {}; its messages go as text", row.eventId(), row.targetKey(),
                    e.toString());
        }
        return Optional.empty();
    }

    /** The target's samples up to the row's event (its rows are written at the event), its outage shaded. */
    private ChartRequest request(OutboxRow row) {
        Instant until = row.createdAt().plusSeconds(1); // the sample taken with the event, too
        return db.inTransaction(tx -> {
            Optional<Outage> outage = outages.find(tx, row.outageId());
            Instant from = until.minus(window);
            if (outage.isPresent() && outage.get().startedAt().minus(window.dividedBy(8)).isBefore(from)) {
                from = outage.get().startedAt().minus(window.dividedBy(8)); // the start of a long outage shows too
            }
            Optional<OutageInterval> shaded = outage.map(o -> new OutageInterval(o.startedAt(),
                    o.endedAt() == null || o.endedAt().isAfter(until) ? null : o.endedAt()));
            String title = targets.find(tx, row.targetKey()).map(TargetRecord::name).filter(n -> !n.isBlank())
                    .orElse(row.targetKey());
            List<VisibilitySample> samples = history.between(tx, row.targetKey(), from, until).stream()
                    .map(EventCharts::sample).toList();
            ChartSource source = signal.apply(row.targetKey()).isPresent() ? ChartSource.IODA_SIGNAL : ChartSource.RIS;
            return ChartRequest.of(title, samples, shaded, new ChartWindow(from, until), source);
        });
    }

    /** A stored sample as the chart takes it; a share a rounding put a hair outside 0..1 is put back. */
    static VisibilitySample sample(VisibilityRepository.Sample s) {
        double share = Double.isNaN(s.visibleShare()) ? 0 : Math.max(0, Math.min(1, s.visibleShare()));
        return new VisibilitySample(s.at(), share, Math.max(0, s.peersSeeing()), Math.max(0, s.peersBaseline()));
    }
}
