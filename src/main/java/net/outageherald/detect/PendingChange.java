package net.outageherald.detect;

import java.time.Instant;
import java.util.Objects;

/**
 * A target began a streak that will be an outage or a restoration if it holds for {@code confirm-for}: told
 * to the sink once per streak, after the judging that began it committed, so that what the event needs (its
 * chart) can be made ready while the change is being confirmed.
 *
 * @param targetKey   the target
 * @param since       the streak's start: what the confirmed outage's {@code startedAt} (an outage) or
 *                    {@code endedAt} (a restoration) will be, to the millisecond the store keeps
 * @param leadsTo     what the streak becomes when confirmed
 * @param outageStart for a restoration, the start of the outage it ends (null when unknown); null for an outage
 */
public record PendingChange(String targetKey, Instant since, Leads leadsTo, Instant outageStart) {

    /** What a streak becomes once confirmed. */
    public enum Leads {
        OUTAGE,
        RESTORATION
    }

    public PendingChange {
        Objects.requireNonNull(targetKey, "targetKey");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(leadsTo, "leadsTo");
    }

    public boolean restoration() {
        return leadsTo == Leads.RESTORATION;
    }
}
