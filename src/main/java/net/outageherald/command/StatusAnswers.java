package net.outageherald.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.outageherald.detect.CheckResult;
import net.outageherald.detect.Evaluation;
import net.outageherald.detect.LiveChecker;
import net.outageherald.detect.Resolved;
import net.outageherald.detect.TargetInfo;
import net.outageherald.model.Prefix;
import net.outageherald.model.PrefixState;
import net.outageherald.model.Status;
import net.outageherald.model.Target;
import net.outageherald.model.TargetState;
import net.outageherald.store.Database;
import net.outageherald.store.PrefixStateRepository;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;

/**
 * Answers /status without spending the poller's RIPEstat budget on targets too large to check live.
 *
 * <pre>
 * target                                          answer
 * ---------------------------------------------   ----------------------------------------------------------
 * resolved, up to maxLivePrefixes prefixes         live (or the poller's state when younger than freshFor)
 * AS or prefix not resolved yet                   live: resolving costs one or two requests, the check is
 *                                                 capped by LiveChecker; the answer says when it sampled
 * resolved, more prefixes than maxLivePrefixes    the last poll's view when there is one, else "too large"
 * country not resolved yet                        the same: listing its prefixes costs a request per AS
 * </pre>
 */
final class StatusAnswers {

    /** A live check looks at 64 prefixes at most (LiveChecker): beyond that it could only judge a sample. */
    static final int DEFAULT_MAX_LIVE_PREFIXES = 64;
    private static final String LAUNCHPAD = "https://stat.ripe.net/app/launchpad/";

    private final LiveChecker checker;
    private final Database db;
    private final Clock clock;
    private final Duration freshFor;
    private final int maxLivePrefixes;
    private final StatusReplies replies;
    private final TargetRepository targets = new TargetRepository();
    private final PrefixStateRepository prefixStates = new PrefixStateRepository();

    private final java.util.function.Function<String, Optional<String>> signalNote;

    StatusAnswers(LiveChecker checker, Database db, Clock clock, Duration freshFor, int maxLivePrefixes,
                  StatusReplies replies) {
        this(checker, db, clock, freshFor, maxLivePrefixes, replies, key -> Optional.empty());
    }

    StatusAnswers(LiveChecker checker, Database db, Clock clock, Duration freshFor, int maxLivePrefixes,
                  StatusReplies replies, java.util.function.Function<String, Optional<String>> signalNote) {
        this.signalNote = signalNote;
        if (maxLivePrefixes < 1) {
            throw new IllegalArgumentException("maxLivePrefixes must be at least 1, got " + maxLivePrefixes);
        }
        this.checker = checker;
        this.db = db;
        this.clock = clock;
        this.freshFor = freshFor;
        this.maxLivePrefixes = maxLivePrefixes;
        this.replies = replies;
    }

    Reply status(Target target) throws InterruptedException {
        Optional<TargetRecord> stored = db.inTransaction(tx -> targets.find(tx, target.key()));
        Optional<String> via = signalNote.apply(target.key());
        if (via.isPresent()) {
            // watched through IODA's country signal: its state is the answer, with the source named
            return Reply.ok(replies.fromSignal(target, stored, via.get(), clock.instant()));
        }
        boolean resolved = stored.isPresent() && stored.get().resolvedAt() != null;
        int prefixes = stored.map(r -> r.prefixes().size()).orElse(0);
        boolean tooLarge = resolved ? prefixes > maxLivePrefixes : target instanceof Target.Land;
        if (!tooLarge) {
            CheckResult r = checker.check(target, freshFor);
            Optional<TargetRecord> after = db.inTransaction(tx -> targets.find(tx, target.key()));
            return Reply.ok(replies.status(r, after, clock.instant()));
        }
        if (stored.isPresent() && polled(stored.get().state())) {
            return Reply.ok(replies.fromLastPoll(lastPoll(target, stored.get()), stored, clock.instant()));
        }
        String name = stored.map(TargetRecord::name).filter(n -> !n.isBlank()).orElse(target.label());
        return replies.tooLarge(target, name, resolved ? prefixes : 0);
    }

    /** The poller has judged it, or declared its monitoring degraded: either way it has something to say. */
    private static boolean polled(TargetState s) {
        return s.lastGoodAt() != null || s.degradedSince() != null;
    }

    /** The stored state as a check result, so the words are those of a live answer. */
    private CheckResult lastPoll(Target target, TargetRecord record) {
        Map<Prefix, PrefixState> states = db.inTransaction(tx -> prefixStates.load(tx, record.prefixes()));
        TargetState s = record.state();
        Status shown = s.shown();
        Evaluation eval = shown == Status.UNKNOWN ? Evaluation.unknown(unknownWhy(s)) : evaluation(states.values(), shown);
        Instant at = s.degradedSince() != null ? s.degradedSince() : s.lastGoodAt();
        String evidence = target instanceof Target.Net ? null : LAUNCHPAD + target.key();
        TargetInfo info = new TargetInfo(target.key(), record.name(), record.countryCode(), evidence);
        return new CheckResult(new Resolved(target, info, record.prefixes(), false), shown, eval, eval.judged(), 0,
                eval.reason(), at, false);
    }

    private static String unknownWhy(TargetState s) {
        return s.degradedSince() != null ? "monitoring is degraded: the last polls had no usable data"
                : "no poll has judged it yet";
    }

    /** What the poller's states say: the dark ones, and the best-seen prefix for the peer counts. */
    private static Evaluation evaluation(Collection<PrefixState> states, Status shown) {
        List<PrefixState> tracked = states.stream().filter(PrefixState::tracked).sorted(
                (a, b) -> a.prefix().compareTo(b.prefix())).toList();
        List<PrefixState> dark = tracked.stream().filter(PrefixState::dark).toList();
        PrefixState best = tracked.stream().max((a, b) -> Integer.compare(a.peersNow(), b.peersNow())).orElse(null);
        TreeSet<Long> upstreams = new TreeSet<>();
        tracked.forEach(p -> upstreams.addAll(p.upstreams()));
        double share = tracked.isEmpty() ? 0 : (double) dark.size() / tracked.size();
        return new Evaluation(shown, share, dark, tracked.size(), best == null ? 0 : best.peersNow(),
                best == null ? 0 : (int) Math.round(best.baseline()), new ArrayList<>(upstreams), null);
    }
}
