package net.outageherald.model;

import java.time.Instant;

/**
 * The remembered status of a target, as the state machine needs it across polls and restarts.
 *
 * @param targetKey     canonical target
 * @param confirmed     the last announced status (UP, PARTIAL, DOWN), or null before the first good round
 * @param candidate     a different status seen lately but not yet confirmed, or null
 * @param candidateCount consecutive rounds the candidate held
 * @param pendingSince  first round of the current streak that differed from the confirmed status
 * @param lastGoodAt    last round that could be judged
 * @param degradedSince when monitoring was declared degraded, or null while healthy
 * @param outageId      the open outage, or null
 * @param outageStart   when it began
 * @param firstSeenAt   when we started watching (degradation counts from here before any good round)
 */
public record TargetState(String targetKey, Status confirmed, Status candidate, int candidateCount,
                          Instant pendingSince, Instant lastGoodAt, Instant degradedSince, Long outageId,
                          Instant outageStart, Instant firstSeenAt) {

    public static TargetState fresh(String targetKey, Instant now) {
        return new TargetState(targetKey, null, null, 0, null, null, null, null, null, now);
    }

    /** What /status shows: UNKNOWN while degraded or before the first good round. */
    public Status shown() {
        return degradedSince != null || confirmed == null ? Status.UNKNOWN : confirmed;
    }

    public TargetState withCandidate(Status c, int count, Instant since) {
        return new TargetState(targetKey, confirmed, c, count, since, lastGoodAt, degradedSince, outageId,
                outageStart, firstSeenAt);
    }

    public TargetState withConfirmed(Status s, Long outage, Instant start) {
        return new TargetState(targetKey, s, null, 0, null, lastGoodAt, degradedSince, outage, start, firstSeenAt);
    }

    public TargetState withGood(Instant at) {
        return new TargetState(targetKey, confirmed, candidate, candidateCount, pendingSince, at, null, outageId,
                outageStart, firstSeenAt);
    }

    public TargetState withDegraded(Instant since) {
        // entering a gap forgets an unconfirmed candidate: confirmation starts over on fresh data
        return new TargetState(targetKey, confirmed, null, 0, null, lastGoodAt, since, outageId, outageStart,
                firstSeenAt);
    }
}
