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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of judging the routing table: the prefixes whose peers changed move their states on, then the
 * targets they belong to are judged, together with every target that has a change waiting to be confirmed
 * and, now and then, all of them (so that staleness shows). A prefix counts as observed while its data is
 * younger than {@code unknown-after}; the target's state remembers the age of its oldest data. A round that
 * would darken too many unrelated targets at once is held back by the {@link SourceGuard}: those prefixes
 * count as not observed, and are looked at again every round until their picture is taken.
 */
public final class TableJudge {

    private static final Logger LOG = LoggerFactory.getLogger(TableJudge.class);
    /** Every target is judged at least this often, so that data growing old is noticed. */
    static final Duration ALL_EVERY = Duration.ofSeconds(30);
    /** A change waiting for confirmation is judged at least this often (confirm-after counts rounds). */
    static final Duration PENDING_EVERY = Duration.ofSeconds(5);

    private final RoutingTable table;
    private final WatchedPrefixes watched;
    private final Detector detector;
    private final DetectionConfig config;
    private final Function<Prefix, Instant> dataTime;
    private final Clock clock;
    private final Map<String, Instant> deadlines = new HashMap<>();
    private final Map<String, Instant> lastJudged = new HashMap<>();
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
        changed.addAll(held); // held back last round: looked at again until taken
        List<PrefixObservation> looks = new ArrayList<>();
        for (Prefix p : changed) {
            Instant at = dataTime.apply(p);
            if (at != null) {
                table.observe(p, at, false).ifPresent(looks::add);
            }
        }
        SourceGuard.Screened screened = guard.screen(looks, snapshot.containing(changed), null);
        held = screened.withheld();
        if (!screened.taken().isEmpty()) {
            try {
                detector.record(screened.taken());
            } catch (RuntimeException e) {
                table.markChanged(changed); // not lost: recorded in the next round
                throw e;
            }
        }
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
        for (Resolved r : due.values()) {
            judge(r, now);
        }
        if (all) {
            lastAll = now;
            Set<String> keys = new HashSet<>();
            snapshot.targets().forEach(r -> keys.add(r.info().key()));
            deadlines.keySet().retainAll(keys);
            lastJudged.keySet().retainAll(keys);
        }
        return nextDue(now);
    }

    private void judge(Resolved r, Instant now) {
        if (r.bySignal()) {
            return; // SignalWatch judges it on IODA's country signal
        }
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
            return;
        }
        String failure = r.refusal() != null ? r.refusal() : missing == 0 ? null : missing + " of "
                + r.prefixes().size() + " prefixes have no routing data younger than "
                + config.unknownAfter().toMinutes() + " min";
        boolean heldBack = r.prefixes().stream().anyMatch(held::contains);
        if (heldBack) {
            failure = SourceGuard.HELD;
        }
        try {
            TargetState after = detector.judged(r.info(), observed, failure, oldest, heldBack).state();
            lastJudged.put(r.info().key(), now);
            if (after.candidate() != null && after.pendingSince() != null) {
                deadlines.put(r.info().key(), after.pendingSince().plus(config.confirmFor()));
            } else {
                deadlines.remove(r.info().key());
            }
        } catch (RuntimeException e) { // one target's trouble must not stop the others
            lastJudged.put(r.info().key(), now); // tried again in PENDING_EVERY, not at once
            LOG.error("judging {} failed: {}", r.info().key(), e.toString());
        }
    }

    /**
     * Until {@code until} a target some of whose prefixes have no data yet is not judged: at start the
     * looking glass needs one pass over every prefix, and that is not a monitoring gap.
     */
    public synchronized void graceUntil(Instant until) {
        this.graceUntil = until;
    }

    private Instant nextDue(Instant now) {
        Instant floor = now.plusMillis(100);
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
