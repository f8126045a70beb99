package net.outageherald.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.outageherald.model.EventType;
import net.outageherald.model.Status;
import net.outageherald.model.TargetState;

/**
 * Decides when a target's status changes and what to tell. A new status is announced only after it held
 * for {@code confirm-after} rounds (and {@code confirm-for}); restoration waits the same way. A
 * round without usable data changes nothing; after {@code unknown-after} without any, the target is
 * UNKNOWN and monitoring is reported degraded once. Its confirmed status, and any open outage, are kept.
 */
public final class TargetStateMachine {

    /** Counts of evidence stop here: far above any {@code confirm-after}. */
    static final int MAX_COUNT = 1_000_000;

    private final DetectionConfig config;

    public TargetStateMachine(DetectionConfig config) {
        this.config = config;
    }

    /** A round in which the target could be judged, on data as fresh as the round. */
    public Transition observe(TargetState before, Status seen, Instant at, Instant outageBeganAt) {
        return observe(before, seen, at, outageBeganAt, at);
    }

    /**
     * A round in which the target could be judged.
     *
     * @param dataAt the time of the oldest data the round judged: {@code unknown-after} counts from it, so a
     *               status never rests on data older than that
     */
    public Transition observe(TargetState before, Status seen, Instant at, Instant outageBeganAt, Instant dataAt) {
        return observe(before, seen, at, outageBeganAt, dataAt, 1);
    }

    /**
     * As {@link #observe(TargetState, Status, Instant, Instant, Instant)}; {@code newWords} says how much data
     * this round judged that no round judged before: a poll round is one; with the stream, each update of one of
     * the target's prefixes, and each newer look, is one. Only those count towards {@code confirm-after}:
     * judging unchanged data again (0) is no further evidence. {@code confirm-for} counts time, whatever the data.
     */
    public Transition observe(TargetState before, Status seen, Instant at, Instant outageBeganAt, Instant dataAt,
                              int newWords) {
        if (seen == Status.UNKNOWN) {
            throw new IllegalArgumentException("an UNKNOWN round is a miss, not an observation");
        }
        List<Transition.Change> changes = new ArrayList<>();
        TargetState s = before;
        if (s.degradedSince() != null) {
            Instant gapStart = s.lastGoodAt() != null ? s.lastGoodAt() : s.firstSeenAt();
            changes.add(new Transition.Change(EventType.MONITORING_RECOVERED, Status.UNKNOWN, shownAfter(s), at,
                    Duration.between(gapStart, at)));
        }
        s = s.withGood(dataAt.isAfter(at) ? at : dataAt);
        Status confirmed = s.confirmed() == null ? Status.UP : s.confirmed();
        if (s.confirmed() == null && seen == Status.UP) {
            // the first good round establishes the status silently: nothing changed that anyone was told of
            return new Transition(s.withConfirmed(Status.UP, null, null), changes);
        }
        if (seen == confirmed) {
            return new Transition(s.withConfirmed(confirmed, s.outageId(), s.outageStart()), changes);
        }
        // PARTIAL then DOWN after UP is one outage, confirmed and dated from its first round; a turn back to
        // UP starts anew. The announcement carries the latest severity.
        boolean sameStreak = s.candidate() != null && s.candidate().isOutage() == seen.isOutage();
        Instant since = sameStreak && s.pendingSince() != null ? s.pendingSince()
                : earliest(at, outageBeganAt, confirmed);
        int words = Math.max(0, Math.min(newWords, MAX_COUNT));
        int count = !sameStreak ? Math.max(1, words) : Math.min(MAX_COUNT, Math.max(1, s.candidateCount()) + words);
        s = s.withCandidate(seen, count, since);
        if (count < config.confirmAfter() || Duration.between(since, at).compareTo(config.confirmFor()) < 0) {
            return new Transition(s, changes);
        }
        if (!confirmed.isOutage()) {
            changes.add(new Transition.Change(EventType.OUTAGE_STARTED, confirmed, seen, since, null));
            return new Transition(s.withConfirmed(seen, null, since), changes);
        }
        if (seen.isOutage()) {
            changes.add(new Transition.Change(EventType.OUTAGE_CHANGED, confirmed, seen, since, null));
            return new Transition(s.withConfirmed(seen, s.outageId(), s.outageStart()), changes);
        }
        Duration lasted = s.outageStart() == null ? null : Duration.between(s.outageStart(), since);
        changes.add(new Transition.Change(EventType.RESTORED, confirmed, Status.UP, since, lasted));
        return new Transition(s.withConfirmed(Status.UP, null, null), changes);
    }

    /**
     * The streak a judging began that will be an outage (confirmed UP, or nothing yet, and now PARTIAL or DOWN)
     * or a restoration (an outage confirmed, and now UP) once confirmed; null if it began none, carries on the
     * streak before it (same {@code pendingSince}) or confirmed at once (then there is no candidate left).
     */
    static PendingChange pendingChange(TargetState before, TargetState after) {
        Status candidate = after.candidate();
        if (candidate == null || after.pendingSince() == null
                || after.pendingSince().equals(before.pendingSince())) {
            return null;
        }
        Status confirmed = after.confirmed() == null ? Status.UP : after.confirmed();
        if (!confirmed.isOutage() && candidate.isOutage()) {
            return new PendingChange(after.targetKey(), after.pendingSince(), PendingChange.Leads.OUTAGE, null);
        }
        if (confirmed.isOutage() && candidate == Status.UP) {
            return new PendingChange(after.targetKey(), after.pendingSince(), PendingChange.Leads.RESTORATION,
                    after.outageStart());
        }
        return null; // PARTIAL to DOWN or back: an outage changing, whose message has no chart
    }

    /** A round without usable data: nothing changes, unless the gap has now lasted too long. */
    public Transition miss(TargetState before, Instant now) {
        if (before.degradedSince() != null) {
            return new Transition(before, List.of());
        }
        Instant reference = before.lastGoodAt() != null ? before.lastGoodAt() : before.firstSeenAt();
        if (reference == null || Duration.between(reference, now).compareTo(config.unknownAfter()) < 0) {
            return new Transition(before, List.of());
        }
        Status shown = before.shown();
        return new Transition(before.withDegraded(now), List.of(
                new Transition.Change(EventType.MONITORING_DEGRADED, shown, Status.UNKNOWN, now,
                        Duration.between(reference, now))));
    }

    private static Status shownAfter(TargetState s) {
        return s.confirmed() == null ? Status.UNKNOWN : s.confirmed();
    }

    /** An outage begins when its first prefix went dark, if that is known and earlier than this round. */
    private static Instant earliest(Instant at, Instant outageBeganAt, Status confirmed) {
        if (!confirmed.isOutage() && outageBeganAt != null && outageBeganAt.isBefore(at)) {
            return outageBeganAt;
        }
        return at;
    }
}
