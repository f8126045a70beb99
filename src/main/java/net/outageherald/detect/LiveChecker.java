package net.outageherald.detect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.outageherald.model.Prefix;
import net.outageherald.model.PrefixState;
import net.outageherald.model.Target;
import net.outageherald.source.PrefixObservation;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.store.Database;
import net.outageherald.store.PrefixStateRepository;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;

/**
 * Checks a target now, for {@code check} and {@code /status}, without changing any stored state. Uses the
 * learned baselines where we have them; a prefix we never watched counts as visible when enough peers
 * see it and as dark otherwise. A recent poll's state is reused instead of asking again. A live check that
 * finds the target dark asks the {@link Canary} too: a blank looking glass makes it unknown, not down.
 */
public final class LiveChecker {

    /** A live check looks at this many prefixes at most, so a country does not cost a thousand requests. */
    static final int MAX_PREFIXES = 64;

    private final TargetResolver resolver;
    private final RoutingSource routing;
    private final Database db;
    private final DetectionConfig config;
    private final Clock clock;
    private final ExecutorService pool;
    private final Duration timeout;
    private final PrefixTracker tracker;
    private final TargetEvaluator evaluator;
    private final PrefixStateRepository prefixStates = new PrefixStateRepository();
    private final TargetRepository targets = new TargetRepository();
    private final Canary canary;

    public LiveChecker(TargetResolver resolver, RoutingSource routing, Database db, DetectionConfig config,
                       Clock clock, ExecutorService pool, Duration timeout) {
        this(resolver, routing, db, config, clock, pool, timeout, null);
    }

    /** @param canary looked at when a live check finds the target dark (null: none) */
    public LiveChecker(TargetResolver resolver, RoutingSource routing, Database db, DetectionConfig config,
                       Clock clock, ExecutorService pool, Duration timeout, Canary canary) {
        this.canary = canary;
        this.resolver = resolver;
        this.routing = routing;
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.pool = pool;
        this.timeout = timeout;
        this.tracker = new PrefixTracker(config);
        this.evaluator = new TargetEvaluator(config);
    }

    /** Reuses the poller's state when its last good round is younger than {@code maxAge}, else checks live. */
    public CheckResult check(Target target, Duration maxAge) throws InterruptedException {
        Instant now = clock.instant();
        Optional<TargetRecord> stored = db.inTransaction(tx -> targets.find(tx, target.key()));
        if (stored.isPresent() && stored.get().state().lastGoodAt() != null
                && stored.get().state().degradedSince() == null
                && Duration.between(stored.get().state().lastGoodAt(), now).compareTo(maxAge) <= 0) {
            Resolved r = resolver.resolve(target);
            Map<Prefix, PrefixState> states = db.inTransaction(tx -> prefixStates.load(tx, r.prefixes()));
            Evaluation eval = evaluator.evaluate(states.values(), List.of());
            return new CheckResult(r, stored.get().state().shown(), eval, states.size(), 0, null,
                    stored.get().state().lastGoodAt(), false);
        }
        return check(target);
    }

    /** Always asks the source. */
    public CheckResult check(Target target) throws InterruptedException {
        Resolved r = resolver.resolve(target);
        Instant now = clock.instant();
        if (r.prefixes().isEmpty()) {
            String why = r.fresh() ? "it announces no prefixes" : "its prefixes could not be resolved";
            return new CheckResult(r, net.outageherald.model.Status.UNKNOWN, Evaluation.unknown(why), 0, 0, why, now,
                    true);
        }
        List<Prefix> prefixes = r.prefixes().stream().limit(MAX_PREFIXES).toList();
        Map<Prefix, PrefixState> before = db.inTransaction(tx -> prefixStates.load(tx, prefixes));
        List<Future<PrefixObservation>> futures = new ArrayList<>();
        for (Prefix p : prefixes) {
            futures.add(pool.submit(() -> routing.observe(p)));
        }
        List<PrefixState> seen = new ArrayList<>();
        List<PrefixState> missed = new ArrayList<>();
        String failure = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < prefixes.size(); i++) {
            PrefixState prior = before.get(prefixes.get(i));
            try {
                PrefixObservation obs = futures.get(i).get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                seen.add(judge(prior, obs, now));
            } catch (java.util.concurrent.CancellationException e) {
                throw new InterruptedException("shutting down");
            } catch (ExecutionException | TimeoutException e) {
                futures.get(i).cancel(true);
                missed.add(prior);
                if (failure == null) {
                    failure = e instanceof TimeoutException ? "the data source did not answer in time"
                            : e.getCause() instanceof SourceUnavailableException s ? s.getMessage()
                            : e.getCause().toString();
                }
            }
        }
        Evaluation eval = evaluator.evaluate(seen, missed);
        String reason = eval.status() == net.outageherald.model.Status.UNKNOWN
                ? (failure != null ? failure : eval.reason()) : null;
        String blank = eval.status().isOutage() ? blankSource() : null;
        if (blank != null) {
            return new CheckResult(r, net.outageherald.model.Status.UNKNOWN, eval, seen.size(), missed.size(), blank,
                    now, true);
        }
        return new CheckResult(r, eval.status(), eval, seen.size(), missed.size(), reason, now, true);
    }

    /** Why the looking glass's dark answers are not to be trusted right now, or null when they are. */
    private String blankSource() {
        if (canary == null) {
            return null;
        }
        return switch (canary.look()) {
            case VISIBLE -> null;
            case NOT_VISIBLE -> "RIPEstat looks blank: the canary " + canary.describe() + " is not visible either,"
                    + " so its answers showing this target dark are not trusted; try again later";
            case NO_ANSWER -> "RIPEstat gave no answer for the canary " + canary.prefix().cidr() + ", so its answers"
                    + " showing this target dark cannot be checked; try again later";
        };
    }

    /** With a baseline: the tracker's rules. Without: enough peers is visible, fewer is dark. */
    private PrefixState judge(PrefixState prior, PrefixObservation obs, Instant now) {
        PrefixState next = tracker.update(prior, obs, now);
        if (next.tracked()) {
            return next;
        }
        return new PrefixState(prior.prefix(), PrefixState.Visibility.DARK, config.minBaselinePeers(),
                obs.peersSeeing(), obs.upstreams(), now, now);
    }
}
