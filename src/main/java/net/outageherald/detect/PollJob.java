package net.outageherald.detect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import net.outageherald.model.Prefix;
import net.outageherald.schedule.Job;
import net.outageherald.source.PrefixObservation;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.SourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll round: resolve every watched target, observe each distinct prefix once and the canary (spread over
 * the interval, within the request budget), hold back what the {@link SourceGuard} does not trust, move the
 * prefix states on, then judge every target.
 */
public final class PollJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(PollJob.class);

    private final WatchList watch;
    private final TargetResolver resolver;
    private final RoutingSource routing;
    private final Detector detector;
    private final DetectionConfig config;
    private final int requestsPerMinute;
    private final Pacer pacer;
    private final ExecutorService pool;
    private final PollListener listener;
    private final SourceGuard guard;
    private volatile int lastFailed;

    public PollJob(WatchList watch, TargetResolver resolver, RoutingSource routing, Detector detector,
                   DetectionConfig config, int requestsPerMinute, Pacer pacer, ExecutorService pool,
                   PollListener listener, SourceGuard guard) {
        this.guard = guard;
        this.watch = watch;
        this.resolver = resolver;
        this.routing = routing;
        this.detector = detector;
        this.config = config;
        this.requestsPerMinute = requestsPerMinute;
        this.pacer = pacer;
        this.pool = pool;
        this.listener = listener;
    }

    @Override
    public String name() {
        return "poll";
    }

    @Override
    public void run() throws InterruptedException {
        long start = System.nanoTime();
        try {
            round(start);
        } catch (RuntimeException | Error e) {
            listener.roundFailed(e, Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }

    private void round(long start) throws InterruptedException {
        List<Resolved> targets = watch.targets().stream().map(resolver::resolve).toList();
        Set<Prefix> prefixes = new LinkedHashSet<>();
        targets.forEach(t -> prefixes.addAll(t.prefixes()));

        Map<Prefix, PrefixObservation> seen = new LinkedHashMap<>();
        Map<Prefix, String> failed = new LinkedHashMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        observe(prefixes, seen, failed, reasons);
        // every round, after the others answered: a looking glass that went blank during the round is caught,
        // and one that recovered during it only lets through darkness that the next round takes back
        Canary.Verdict verdict = prefixes.isEmpty() ? null : guard.canary().map(Canary::look).orElse(null);
        SourceGuard.Screened screened = guard.screen(seen.values(), targets, verdict);
        for (Prefix p : screened.withheld()) {
            seen.remove(p);
            failed.put(p, SourceGuard.HELD);
            reasons.merge("held_back", 1, Integer::sum);
        }
        if (!seen.isEmpty()) {
            detector.record(seen.values());
        }
        for (Resolved t : targets) {
            if (t.bySignal()) {
                continue; // SignalWatch judges it on IODA's country signal
            }
            Set<Prefix> observed = new HashSet<>(t.prefixes());
            observed.retainAll(seen.keySet());
            String failure = t.refusal() != null ? t.refusal()
                    : t.prefixes().stream().map(failed::get).filter(f -> f != null).findFirst()
                    .orElse(t.fresh() || !t.prefixes().isEmpty() ? null : "its prefixes could not be resolved");
            boolean held = t.prefixes().stream().anyMatch(screened.withheld()::contains);
            try {
                detector.judged(t.info(), observed, failure, null, held);
            } catch (RuntimeException e) { // one target's trouble must not stop the others
                LOG.error("judging {} failed: {}", t.info().key(), e.toString(), e);
            }
        }
        logFailures(failed, prefixes.size());
        listener.roundFinished(seen.size(), reasons, Duration.ofNanos(System.nanoTime() - start));
    }

    /** One line when observations start failing and one when they are all back; quiet in between. */
    private void logFailures(Map<Prefix, String> failed, int total) {
        int before = lastFailed;
        lastFailed = failed.size();
        if (failed.isEmpty()) {
            if (before > 0) {
                LOG.info("poll: all {} prefixes observed again", total);
            }
        } else if (before == 0) {
            LOG.warn("poll: {} of {} prefixes not observed (first: {}); their targets keep their status",
                    failed.size(), total, failed.values().iterator().next());
        } else {
            LOG.debug("poll: {} of {} prefixes not observed", failed.size(), total);
        }
    }

    private void observe(Set<Prefix> prefixes, Map<Prefix, PrefixObservation> seen, Map<Prefix, String> failed,
                         Map<String, Integer> reasons) throws InterruptedException {
        Duration gap = gap(prefixes.size());
        List<Future<PrefixObservation>> futures = new ArrayList<>();
        List<Prefix> order = new ArrayList<>(prefixes);
        for (int i = 0; i < order.size(); i++) {
            if (i > 0) {
                pacer.pause(gap);
            }
            Prefix p = order.get(i);
            try {
                futures.add(pool.submit(() -> routing.observe(p)));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                throw new InterruptedException("shutting down"); // the pool is closed: this round is over
            }
        }
        for (int i = 0; i < order.size(); i++) {
            try {
                seen.put(order.get(i), futures.get(i).get());
            } catch (java.util.concurrent.CancellationException e) {
                throw new InterruptedException("shutting down"); // the pool was closed under this round
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                failed.put(order.get(i), cause instanceof SourceUnavailableException s
                        ? s.reason().name().toLowerCase().replace('_', ' ') + ": " + s.getMessage()
                        : cause.toString());
                reasons.merge(cause instanceof SourceUnavailableException s
                        ? s.reason().name().toLowerCase(Locale.ROOT) : "error", 1, Integer::sum);
                if (!(cause instanceof SourceUnavailableException)) {
                    LOG.error("observing {} failed unexpectedly", order.get(i), cause);
                }
            }
        }
    }

    /** Spread over most of the interval, and never faster than the request budget allows. */
    private Duration gap(int n) {
        if (!config.spreadPolls() || n <= 1) {
            return Duration.ZERO;
        }
        Duration spread = config.pollInterval().multipliedBy(8).dividedBy(10L * n);
        Duration budget = Duration.ofMillis(60_000L / Math.max(1, requestsPerMinute));
        return spread.compareTo(budget) > 0 ? spread : budget;
    }
}
