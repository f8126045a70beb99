package net.outageherald.detect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.outageherald.model.Prefix;
import net.outageherald.model.TargetState;
import net.outageherald.routing.RoutingTable;
import net.outageherald.source.PrefixObservation;

/**
 * One round of judging the routing table: the prefixes whose peers changed move their states on, then the
 * targets they belong to are judged, together with every target that has a change waiting to be confirmed
 * and, now and then, all of them (so that staleness shows). A prefix counts as observed while its data is
 * younger than {@code unknown-after}; the target's state remembers the age of its oldest data. A round that
 * would darken too many unrelated targets at once is held back by the {@link SourceGuard}: those prefixes
 * count as not observed, and are looked at again every round until their picture is taken.
 */
public final class TableJudge {

    /** Every target is judged at least this often, so that data growing old is noticed. */
    static final Duration ALL_EVERY = Duration.ofSeconds(30);
    /**
     * A change waiting for confirmation is judged at least this often: its deadline, and new data, are noticed
     * (confirm-after counts new data only: stream updates of the target's prefixes and newer looks).
     */
    static final Duration PENDING_EVERY = Duration.ofSeconds(5);

    private final RoutingTable table;
    private final WatchedPrefixes watched;
    private final Detector detector;
    private final DetectionConfig config;
    private final Function<Prefix, Instant> dataTime;
    private final Clock clock;
    private final Map<String, Instant> deadlines = new HashMap<>();
    private final Map<String, Instant> lastJudged = new HashMap<>();
    /** The data each target was last judged on ({@link RoutingTable#dataVersion}): unchanged, nothing new. */
    private final Map<String, Long> judgedVersion = new HashMap<>();
    private java.util.function.Consumer<List<Prefix>> wantLooks;
    private final SourceGuard guard;
    private Set<Prefix> held = Set.of();
    private Instant lastAll;
    private Instant graceUntil = Instant.MIN;

    /** With a guard of its own that checks for mass darkening only (a replay: there is no looking glass). */
    public TableJudge(RoutingTable table, WatchedPrefixes watched, Detector detector, DetectionConfig config,
                      Function<Prefix, Instant> dataTime, Clock clock) {
        this(table, watched, detector, config, dataTime, clock, new SourceGuard(null, detector, config, clock,
                "their status is unknown until it looks normal again"));
    }

    /**
     * @param dataTime how current the table's picture of a prefix is (null: no data for it)
     * @param guard    shared with the {@link Reconciler}, so that the source is suspect or not as one
     */
    public TableJudge(RoutingTable table, WatchedPrefixes watched, Detector detector, DetectionConfig config,
                      Function<Prefix, Instant> dataTime, Clock clock, SourceGuard guard) {
        this.guard = guard;
        this.table = table;
        this.watched = watched;
        this.detector = detector;
        this.config = config;
        this.dataTime = dataTime;
        this.clock = clock;
    }

    /** Runs one round; gives when the next round is due at the latest (a confirmation deadline, or later). */
    public synchronized Instant round() {
        Instant now = clock.instant();
        WatchedPrefixes.Snapshot snapshot = watched.current();
        Set<Prefix> changed = new java.util.LinkedHashSet<>(table.drainChanged());
        Set<Prefix> wasHeld = held;
        changed.addAll(wasHeld); // held back last round: looked at again until taken
        List<PrefixObservation> looks = new ArrayList<>();
        for (Prefix p : changed) {
            Instant at = dataTime.apply(p);
            if (at != null) {
                // a prefix held back as suspect is dark, once taken, since it was taken: the time on hold, while
                // the source was not trusted, does not count towards confirm-for
                table.observe(p, at, false).map(o -> wasHeld.contains(p) ? o.unmoved() : o).ifPresent(looks::add);
            }
        }
        SourceGuard.Screened screened = guard.screen(looks, snapshot.containing(changed), null);
        held = screened.withheld();
        Map<String, Resolved> due = new LinkedHashMap<>();
        boolean all = lastAll == null || !now.isBefore(lastAll.plus(ALL_EVERY));
        Collection<Resolved> candidates = all ? snapshot.targets() : snapshot.containing(changed);
        candidates.forEach(r -> due.putIfAbsent(r.info().key(), r));
        for (Resolved r : snapshot.targets()) {
            Instant deadline = deadlines.get(r.info().key());
            Instant last = lastJudged.get(r.info().key());
            if (deadline != null && (!now.isBefore(deadline) || last == null
                    || !now.isBefore(last.plus(PENDING_EVERY)))) {
                due.putIfAbsent(r.info().key(), r);
            }
        }
        try {
            // the prefixes' new states and the judging of their targets: one transaction
            judge(screened.taken(), due.values(), now);
        } catch (RuntimeException e) {
            table.markChanged(changed); // not lost: recorded in the next round
            throw e;
        }
        if (all) {
            lastAll = now;
            Set<String> keys = new HashSet<>();
            snapshot.targets().forEach(r -> keys.add(r.info().key()));
            deadlines.keySet().retainAll(keys);
            lastJudged.keySet().retainAll(keys);
            judgedVersion.keySet().retainAll(keys);
        }
        return nextDue(now);
    }

    /**
     * Records these observations and judges these targets in one transaction, and notes what each target
     * waits for.
     */
    private void judge(Collection<PrefixObservation> observed, Collection<Resolved> due, Instant now) {
        List<Detector.Judging> jobs = new ArrayList<>(due.size());
        Map<String, Long> versions = new HashMap<>();
        Map<String, Resolved> byKey = new HashMap<>();
        for (Resolved r : due) {
            if (r.bySignal()) {
                continue; // SignalWatch judges it on IODA's country signal
            }
            byKey.put(r.info().key(), r);
            Detector.Judging job = job(r, now, versions);
            if (job != null) {
                jobs.add(job);
            } else {
                lastJudged.put(r.info().key(), now); // not judged now; looked at again in PENDING_EVERY
            }
        }
        // throws only when the observations could not be recorded; a target that fails is left out of the answer
        Map<String, TargetState> after = detector.judgedAll(observed, jobs);
        for (Detector.Judging job : jobs) {
            String key = job.info().key();
            lastJudged.put(key, now); // a target that failed is tried again in PENDING_EVERY, not at once
            TargetState state = after.get(key);
            if (state == null) {
                continue;
            }
            judgedVersion.put(key, versions.get(key));
            if (state.candidate() != null && state.pendingSince() != null) {
                deadlines.put(key, state.pendingSince().plus(config.confirmFor()));
                if (job.newWords() == 0 && state.candidateCount() < config.confirmAfter()) {
                    askLooks(byKey.get(key), state.candidateCount());
                }
            } else {
                deadlines.remove(key);
            }
        }
    }

    /** What to judge of one target now, or null when it is not judged (the looking glass's first pass). */
    private Detector.Judging job(Resolved r, Instant now, Map<String, Long> versions) {
        Set<Prefix> observed = new HashSet<>();
        Instant oldest = null;
        for (Prefix p : r.prefixes()) {
            Instant at = dataTime.apply(p);
            if (at != null && !held.contains(p) && Duration.between(at, now).compareTo(config.unknownAfter()) < 0) {
                observed.add(p);
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
            }
        }
        int missing = r.prefixes().size() - observed.size();
        if (missing > 0 && now.isBefore(graceUntil)) {
            // the looking glass's first pass is not done yet: no data is not yet a gap worth telling anyone
            return null;
        }
        String failure = r.refusal() != null ? r.refusal() : missing == 0 ? null : missing + " of "
                + r.prefixes().size() + " prefixes have no routing data younger than "
                + config.unknownAfter().toMinutes() + " min";
        boolean heldBack = r.prefixes().stream().anyMatch(held::contains);
        if (heldBack) {
            failure = SourceGuard.HELD;
        }
        long version = table.dataVersion(r.prefixes());
        versions.put(r.info().key(), version);
        Long before = judgedVersion.get(r.info().key());
        int newWords = before == null ? 1 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, version - before));
        return new Detector.Judging(r.info(), observed, failure, oldest, heldBack, newWords);
    }

    /**
     * A change waits for more new data than it has and nothing new came: asks the looking glass for a look
     * at as many of the target's prefixes as words are missing (its answers are new data).
     */
    private void askLooks(Resolved r, int count) {
        if (wantLooks != null && r != null && !r.prefixes().isEmpty()) {
            int n = Math.max(1, config.confirmAfter() - count);
            wantLooks.accept(r.prefixes().subList(0, Math.min(n, r.prefixes().size())));
        }
    }

    /**
     * Where a change waiting for new data asks for looks at its prefixes (the {@link Reconciler});
     * without it such a change waits for the stream's next word.
     */
    public synchronized void askLooksWith(java.util.function.Consumer<List<Prefix>> wantLooks) {
        this.wantLooks = wantLooks;
    }

    /**
     * Until {@code until} a target some of whose prefixes have no data yet is not judged: at start the
     * looking glass needs one pass over every prefix, and that is not a monitoring gap.
     */
    public synchronized void graceUntil(Instant until) {
        this.graceUntil = until;
    }

    private Instant nextDue(Instant now) {
        // a deadline a moment away is kept to the moment (a late confirmation is a late alert); one that passed
        // without confirming waits PENDING_EVERY after its last judging, so this floor only stops a busy loop
        Instant floor = now.plusMillis(1);
        Instant next = lastAll.plus(ALL_EVERY);
        next = next.isBefore(floor) ? floor : next;
        for (Map.Entry<String, Instant> d : deadlines.entrySet()) {
            Instant last = Optional.ofNullable(lastJudged.get(d.getKey())).orElse(now);
            Instant at = d.getValue().isAfter(now) ? d.getValue() : last.plus(PENDING_EVERY);
            Instant soonest = at.isBefore(last.plus(PENDING_EVERY)) ? at : last.plus(PENDING_EVERY);
            soonest = soonest.isBefore(floor) ? floor : soonest;
            next = soonest.isBefore(next) ? soonest : next;
        }
        return next;
    }
}
