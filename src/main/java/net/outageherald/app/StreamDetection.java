package net.outageherald.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import net.outageherald.detect.Canary;
import net.outageherald.detect.Detector;
import net.outageherald.detect.JudgeLoop;
import net.outageherald.detect.ReconcileLoop;
import net.outageherald.detect.Reconciler;
import net.outageherald.detect.SourceGuard;
import net.outageherald.detect.TableJudge;
import net.outageherald.detect.TargetResolver;
import net.outageherald.detect.WatchList;
import net.outageherald.detect.WatchedPrefixes;
import net.outageherald.ops.HealthCheck;
import net.outageherald.routing.RoutingTable;
import net.outageherald.routing.StreamFeed;
import net.outageherald.schedule.Scheduler;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.rislive.RisLiveClient;
import net.outageherald.source.rislive.StreamState;
import okhttp3.OkHttpClient;

/**
 * Detection driven by the RIS Live stream, wired: the routing table, the stream feeding it, the looking
 * glass reconciling it within its budget, the watch list resolved apart, and the loop that judges it. The
 * service uses this unless {@code rislive.enabled} is false (then poll rounds do the job).
 */
final class StreamDetection implements AutoCloseable {

    /** How often the watch list is resolved again into prefixes (cached resolutions make this cheap). */
    static final Duration WATCH_REFRESH = Duration.ofMinutes(1);
    /** The judging loop runs at least every 30 s; twice that and more means it is stuck. */
    static final Duration JUDGE_MAX_AGE = Duration.ofMinutes(2);

    final RoutingTable table = new RoutingTable();
    final StreamFeed feed;
    final RisLiveClient stream;
    final WatchedPrefixes watched;
    final TableJudge judge;
    final JudgeLoop loop;
    final Reconciler reconciler;
    final ReconcileLoop reconcile;
    private final Clock clock;
    private volatile Instant startedAt;

    /** @param canary the prefix that must stay visible in the looking glass's answers, or null for none */
    StreamDetection(HeraldConfig config, WatchList watch, TargetResolver resolver, RoutingSource lookingGlass,
                    Detector detector, OkHttpClient http, ExecutorService io, Clock clock, Canary canary) {
        this.clock = clock;
        this.startedAt = clock.instant();
        JudgeLoop[] loopRef = new JudgeLoop[1];
        Runnable wake = () -> {
            if (loopRef[0] != null) {
                loopRef[0].wake();
            }
        };
        this.feed = new StreamFeed(table, clock, config.rislive().maxLag(), wake);
        this.stream = new RisLiveClient(config.rislive(), http, clock, feed);
        this.watched = new WatchedPrefixes(watch, resolver, List.of(table::watch, stream::watch, p -> wake.run()));
        // one guard for the looking glass's answers and the judging rounds, so the source is suspect or not as one
        SourceGuard guard = new SourceGuard(canary, detector, config.detection(), clock, "until it answers normally"
                + " its answers that would darken a prefix are not taken, and RIS Live alone moves the routing picture");
        this.judge = new TableJudge(table, watched, detector, config.detection(), p -> feed.dataTime(p, false),
                clock, guard);
        this.loop = new JudgeLoop(judge, clock);
        loopRef[0] = loop;
        this.reconciler = new Reconciler(table, lookingGlass, config.ripestat().reconcileInterval(),
                config.ripestat().requestsPerMinute(), () -> feed.state() == StreamState.LIVE, clock, guard);
        judge.askLooksWith(reconciler::wantLooks);
        this.reconcile = new ReconcileLoop(reconciler, io, config.ripestat().maxInFlight(), wake);
    }

    /** Schedules the watch list's refresh every minute, done only while {@code leading} (see {@link LeaderOnly}). */
    void schedule(Scheduler scheduler, BooleanSupplier leading, BooleanSupplier reachable) {
        scheduler.every(new LeaderOnly(watched, leading, reachable), WATCH_REFRESH, WATCH_REFRESH);
    }

    /**
     * This instance leads (at start on SQLite; on taking over on PostgreSQL): resolves the watch list now,
     * connects the stream, starts judging and looking. Judging goes on from the state in the database.
     */
    void lead(Scheduler scheduler) {
        startedAt = clock.instant();
        // the first pass of the looking glass over every prefix is not a monitoring gap
        judge.graceUntil(startedAt.plus(reconciler.cadence()).plus(Duration.ofMinutes(5)));
        scheduler.runNow(watched.name());
        stream.start();
        loop.start();
        reconcile.start();
    }

    /**
     * Another instance leads now: no more looks and no more judging here, at once, and the stream is
     * disconnected, so that RIS Live has one consumer per cluster. Leading again reconnects, resubscribes and
     * looks again, as at a start.
     */
    void follow() {
        reconcile.close();
        loop.close();
        stream.stop();
    }

    /** The footer of /status: the source, and how it is doing. */
    String footer(Instant now) {
        StreamState state = feed.state();
        if (state == StreamState.LIVE) {
            return "Data: RIPE NCC RIS Live (live) and RIPEstat's looking glass";
        }
        return "Data: RIPE NCC RIS; the real-time stream is " + state.name().toLowerCase(java.util.Locale.ROOT)
                + ", so RIPEstat's looking glass checks each prefix every " + Math.max(1, reconciler.cadence().toMinutes())
                + " min";
    }

    /**
     * For /healthz: fine while the stream is live, or while the looking glass keeps every prefix within the
     * cadence its budget gives (with a minute's slack); data never looked at counts from the start.
     */
    HealthCheck.SourceReport report(Instant now) {
        StreamState state = feed.state();
        String name = state.name().toLowerCase(java.util.Locale.ROOT);
        Instant judged = loop.lastRound().orElse(startedAt);
        if (Duration.between(judged, now).compareTo(JUDGE_MAX_AGE) > 0) {
            return new HealthCheck.SourceReport(false, name, "judging the routing table has not run for "
                    + Duration.between(judged, now).toSeconds() + " s");
        }
        if (state == StreamState.LIVE) {
            return new HealthCheck.SourceReport(true, name, "RIS Live is live");
        }
        Duration promised = reconciler.cadence().plusMinutes(1);
        Duration oldest = Duration.ZERO;
        for (var p : watched.current().prefixes()) {
            Instant at = feed.dataTime(p, false);
            Duration age = Duration.between(at != null ? at : startedAt, now);
            oldest = age.compareTo(oldest) > 0 ? age : oldest;
        }
        boolean ok = oldest.compareTo(promised) <= 0;
        return new HealthCheck.SourceReport(ok, name, "real-time stream " + name + "; the looking glass checks each"
                + " prefix every " + reconciler.cadence().toMinutes() + " min, the oldest data is "
                + oldest.toMinutes() + " min old" + (ok ? "" : ", later than promised"));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(1));
    }

    /** Stops looking, listening and judging; waits for a judging round in progress at most {@code within}. */
    boolean close(Duration within) {
        reconcile.close();
        stream.close();
        return loop.close(within);
    }
}
