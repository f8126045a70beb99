package net.outageherald.detect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Facts;
import net.outageherald.model.Prefix;
import net.outageherald.model.PrefixState;
import net.outageherald.model.Status;
import net.outageherald.model.TargetState;
import net.outageherald.source.PrefixObservation;
import net.outageherald.store.Database;
import net.outageherald.store.EventRepository;
import net.outageherald.store.PrefixStateRepository;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one round of observations: updates prefix states, then judges each target, and stores the new
 * state, its outage and its events together with the sink's outbox rows in one transaction, so a crash
 * never leaves an event without its messages or a message without its event.
 */
public final class Detector {

    private static final Logger LOG = LoggerFactory.getLogger(Detector.class);
    private final Database db;
    private final PrefixTracker tracker;
    private final TargetEvaluator evaluator;
    private final TargetStateMachine machine;
    private final PrefixStateRepository prefixStates = new PrefixStateRepository();
    private final TargetRepository targets = new TargetRepository();
    private final EventRepository events = new EventRepository();
    /** Records what each judging decided: state, outage, events and outbox rows, visibility samples. */
    private final JudgmentStore written;
    private final EventSink sink;
    private final Clock clock;
    /**
     * Targets that went unknown while the source was suspect, told to the operator once as the source's notice
     * rather than one by one; their recovery is not told either. Kept in memory: after a restart such a target's
     * recovery is told like any other.
     */
    private final Set<String> quietlyDegraded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Detector(DetectionConfig config, Database db, EventSink sink, Clock clock) {
        this.db = db;
        this.tracker = new PrefixTracker(config);
        this.evaluator = new TargetEvaluator(config);
        this.machine = new TargetStateMachine(config);
        this.sink = sink;
        this.clock = clock;
        this.written = new JudgmentStore(sink);
    }

    /** Moves each observed prefix's state on, once per round however many targets share it. */
    public void record(Collection<PrefixObservation> observations) {
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            recordIn(tx, observations, now);
            return null;
        });
    }

    private void recordIn(Connection tx, Collection<PrefixObservation> observations, Instant now)
            throws SQLException {
        if (observations.isEmpty()) {
            return;
        }
        Map<Prefix, PrefixState> before = prefixStates.load(tx,
                observations.stream().map(PrefixObservation::prefix).toList());
        for (PrefixObservation obs : observations) {
            PrefixState after = tracker.update(before.get(obs.prefix()), obs, now);
            if (after.visibility() != before.get(obs.prefix()).visibility()) {
                LOG.debug("{} is now {} ({} peers, baseline {})", obs.prefix(), after.visibility(),
                        after.peersNow(), Math.round(after.baseline()));
            }
            prefixStates.save(tx, after);
        }
    }

    /**
     * Judges a target after its prefixes were observed (or not) this round.
     *
     * @param observed the target's prefixes that were observed this round; the rest count as missed
     * @param failure  why the missed ones were missed, for the degraded notice (null if none)
     * @return the events decided, already stored and handed to the sink
     */
    public List<Event> judge(TargetInfo info, Set<Prefix> observed, String failure) {
        return judge(info, observed, failure, null);
    }

    /**
     * As {@link #judge(TargetInfo, Set, String)}, on data whose oldest part is from {@code dataAt} (null: now),
     * so that {@code unknown-after} counts from the data's time rather than from the judging.
     */
    public List<Event> judge(TargetInfo info, Set<Prefix> observed, String failure, Instant dataAt) {
        return judged(info, observed, failure, dataAt).events();
    }

    /** A pass of at most this many targets and no new data (confirmations falling due) commits each alone. */
    static final int ONE_BY_ONE_UP_TO = 16;

    /**
     * What judging decided: the events told, the target's state after it, and the streak towards an outage or a
     * restoration it began, if any (null).
     */
    public record Judged(List<Event> events, TargetState state, PendingChange pending) {

        public Judged(List<Event> events, TargetState state) {
            this(events, state, null);
        }

        Judged withPending(PendingChange p) {
            return new Judged(events, state, p);
        }
    }

    /** As {@link #judge(TargetInfo, Set, String, Instant)}, with the state the target is left in. */
    public Judged judged(TargetInfo info, Set<Prefix> observed, String failure, Instant dataAt) {
        return judged(info, observed, failure, dataAt, false);
    }

    /**
     * As {@link #judged(TargetInfo, Set, String, Instant)}; {@code heldBySource} says that some of the target's
     * observations were held back because the source looks wrong ({@link SourceGuard}). The operator has one
     * notice for that, so the target going unknown, and its data coming back, are not told once more for it.
     */
    public Judged judged(TargetInfo info, Set<Prefix> observed, String failure, Instant dataAt,
                         boolean heldBySource) {
        Judging job = new Judging(info, observed, failure, dataAt, heldBySource, 1);
        Instant now = clock.instant();
        Judged decided = db.inTransaction(tx -> judgeIn(tx, job, now));
        afterCommit(List.of(decided));
        return decided;
    }

    /**
     * Judges a target that another source speaks for as a whole (a country watched through IODA's BGP signal):
     * the same confirmation, outages, events and outbox rows as for a target judged by its prefixes.
     *
     * @param status       what the signal says; UNKNOWN (stale, failing, no usual level) is a miss, never DOWN
     * @param visibleShare the signal's share of its usual level (0..1), for the dark share; ignored when UNKNOWN
     * @param source       which source spoke, as messages say it
     * @param reason       why it is UNKNOWN, for the degraded notice; else a description of the reading
     * @param binAt        start of the signal's bin judged, or null: an outage is dated from the first bin that
     *                     showed it, not from the round that fetched it
     */
    public Judged judgedBySignal(TargetInfo info, Status status, double visibleShare, String source, String reason,
                                 Instant binAt) {
        Instant now = clock.instant();
        Evaluation eval = status == Status.UNKNOWN ? Evaluation.unknown(reason)
                : new Evaluation(status, Math.max(0, Math.min(1, 1 - visibleShare)), List.of(), 0, 0, 0, List.of(),
                null);
        Judged decided = db.inTransaction(tx -> {
            TargetRecord record = targets.find(tx, info.key()).orElseThrow(
                    () -> new SQLException("target " + info.key() + " was never resolved"));
            if (status == Status.UNKNOWN) {
                return written.store(tx, info, record, machine.miss(record.state(), now), eval, reason, now, source);
            }
            // the staleness of the signal was checked by its judge: the round is as fresh as now
            Transition t = machine.observe(record.state(), status, now, binAt, now);
            PendingChange pending = TargetStateMachine.pendingChange(record.state(), t.state());
            written.sample(tx, info.key(), eval, now, pending != null);
            return written.store(tx, info, record, t, eval, null, now, source).withPending(pending);
        });
        afterCommit(List.of(decided));
        return decided;
    }

    /**
     * What to judge of one target: as {@link #judged(TargetInfo, Set, String, Instant, boolean)}, and whether
     * how much new data of it the round saw ({@code newWords}: stream updates of its prefixes and newer looks
     * since its last judging; a poll round is one). Only new data counts towards {@code confirm-after}; judging
     * the same data again proves nothing.
     */
    public record Judging(TargetInfo info, Set<Prefix> observed, String failure, Instant dataAt,
                          boolean heldBySource, int newWords) {
    }

    /**
     * Judges these targets in one transaction (one commit for the whole round, so that a round of many
     * targets is not a round of many commits); a few targets and no new data, the confirmations falling due
     * together, are committed one by one instead, each event's messages woken as it is decided. If that
     * transaction fails, each target is judged in its own, so that one target's trouble does not stop the
     * others; a target that fails then too is left out of the answer (and logged).
     *
     * @return the state each judged target is left in, by target key
     */
    public Map<String, TargetState> judgedAll(List<Judging> jobs) {
        return judgedAll(List.of(), jobs);
    }

    /**
     * As {@link #judgedAll(List)}, after moving these prefixes' states on ({@link #record}) in the same
     * transaction: a judging round is one write to the database, so that the delivery worker's claim rarely
     * waits for it. If that fails, the observations are recorded on their own (a failure there is thrown) and
     * the targets judged one by one.
     */
    public Map<String, TargetState> judgedAll(Collection<PrefixObservation> observations, List<Judging> jobs) {
        if (jobs.isEmpty()) {
            if (!observations.isEmpty()) {
                record(observations);
            }
            return Map.of();
        }
        Instant now = clock.instant();
        if (observations.isEmpty() && jobs.size() > 1 && jobs.size() <= ONE_BY_ONE_UP_TO) {
            // confirmations falling due together: each event is committed, and its messages go, as soon as it
            // is decided, instead of after the last of them (ten outages at once: 2-4 ms each)
            return oneByOne(jobs, now);
        }
        List<Judged> all;
        try {
            all = db.inTransaction(tx -> {
                recordIn(tx, observations, now);
                List<Judged> out = new ArrayList<>(jobs.size());
                for (Judging job : jobs) {
                    out.add(judgeIn(tx, job, now));
                }
                return out;
            });
        } catch (RuntimeException e) {
            LOG.warn("Judging {} targets together failed ({}); judging them one by one", jobs.size(), e.toString());
            if (!observations.isEmpty()) {
                record(observations);
            }
            return oneByOne(jobs, now);
        }
        Map<String, TargetState> states = new java.util.LinkedHashMap<>();
        for (Judged j : all) {
            states.put(j.state().targetKey(), j.state());
        }
        afterCommit(all);
        return states;
    }

    private Map<String, TargetState> oneByOne(List<Judging> jobs, Instant now) {
        Map<String, TargetState> states = new java.util.LinkedHashMap<>();
        for (Judging job : jobs) {
            try {
                Judged j = db.inTransaction(tx -> judgeIn(tx, job, now));
                states.put(job.info().key(), j.state());
                afterCommit(List.of(j));
            } catch (RuntimeException e) { // one target's trouble must not stop the others
                LOG.error("judging {} failed: {}", job.info().key(), e.toString());
            }
        }
        return states;
    }

    private Judged judgeIn(Connection tx, Judging job, Instant now) throws SQLException {
        TargetInfo info = job.info();
        Set<Prefix> observed = job.observed();
        String failure = job.failure();
        Instant asOf = job.dataAt() == null ? now : job.dataAt();
        TargetRecord record = targets.find(tx, info.key()).orElseThrow(
                () -> new SQLException("target " + info.key() + " was never resolved"));
        Map<Prefix, PrefixState> states = prefixStates.load(tx, record.prefixes());
        List<PrefixState> seen = new ArrayList<>();
        List<PrefixState> missed = new ArrayList<>();
        states.forEach((p, s) -> (observed.contains(p) ? seen : missed).add(s));
        Evaluation eval = record.prefixes().isEmpty() ? Evaluation.unknown("it announces no prefixes")
                : evaluator.evaluate(seen, missed);
        Transition t;
        if (eval.status() == Status.UNKNOWN) {
            String why = failure != null ? failure : eval.reason();
            t = machine.miss(record.state(), now);
            if (job.heldBySource() && has(t, EventType.MONITORING_DEGRADED)) {
                quietlyDegraded.add(info.key());
                t = without(t, EventType.MONITORING_DEGRADED);
            }
            return written.store(tx, info, record, t, eval, why, now, null);
        }
        // a prefix already dark in the last judged round (then still UP) did not start this outage
        Instant lastJudged = record.state().lastGoodAt();
        Instant began = eval.dark().stream().map(PrefixState::darkSince).filter(Objects::nonNull)
                .filter(d -> lastJudged == null || d.isAfter(lastJudged))
                .min(Instant::compareTo).orElse(null);
        t = machine.observe(record.state(), eval.status(), now, began, asOf, job.newWords());
        PendingChange pending = TargetStateMachine.pendingChange(record.state(), t.state());
        written.sample(tx, info.key(), eval, now, pending != null);
        if (has(t, EventType.MONITORING_RECOVERED) && quietlyDegraded.remove(info.key())) {
            t = without(t, EventType.MONITORING_RECOVERED);
        }
        return written.store(tx, info, record, t, eval, null, now, null).withPending(pending);
    }

    /**
     * After the commit of these judgings: wakes delivery for their events, then tells the sink of the streaks
     * they began, so that what those events will need is made ready while they are being confirmed.
     */
    private void afterCommit(List<Judged> judged) {
        List<Event> events = new ArrayList<>();
        List<PendingChange> pending = new ArrayList<>();
        for (Judged j : judged) {
            events.addAll(j.events());
            if (j.pending() != null) {
                pending.add(j.pending());
            }
        }
        if (!events.isEmpty()) {
            sink.afterCommit(events);
        }
        if (!pending.isEmpty()) {
            sink.pending(pending);
        }
    }

    private static boolean has(Transition t, EventType type) {
        return t.changes().stream().anyMatch(c -> c.type() == type);
    }

    private static Transition without(Transition t, EventType type) {
        return new Transition(t.state(), t.changes().stream().filter(c -> c.type() != type).toList());
    }

    /** The stored state of a target, if it was ever resolved. */
    public java.util.Optional<TargetState> targetState(String key) {
        return db.inTransaction(tx -> targets.find(tx, key).map(TargetRecord::state));
    }

    /** The stored states of these prefixes (a fresh one for a prefix never seen). */
    public Map<Prefix, PrefixState> states(Collection<Prefix> prefixes) {
        return db.inTransaction(tx -> prefixStates.load(tx, prefixes));
    }

    /**
     * Tells the operators about the data source itself (never subscribers: monitoring events go to operators
     * only): {@code MONITORING_DEGRADED} when its answers are held back as suspect, {@code MONITORING_RECOVERED}
     * when they are taken again, after {@code lasted}.
     */
    public Event sourceNotice(EventType type, String reason, java.time.Duration lasted) {
        Instant now = clock.instant();
        boolean degraded = type == EventType.MONITORING_DEGRADED;
        Event e = new Event(0, type, Event.ROUTING_DATA, Event.ROUTING_DATA_NAME, null,
                degraded ? Status.UNKNOWN : Status.UP, degraded ? Status.UP : Status.UNKNOWN, now, null, null, lasted,
                Facts.none(reason));
        Event stored = db.inTransaction(tx -> {
            Event in = events.insert(tx, e, now);
            sink.onEvent(tx, in);
            return in;
        });
        sink.afterCommit(List.of(stored));
        if (degraded) {
            LOG.warn("Not trusting the routing data for now: {}", reason);
        } else {
            LOG.info("Trusting the routing data again: {}", reason);
        }
        return stored;
    }

}
